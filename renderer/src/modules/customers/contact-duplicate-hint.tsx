// On the contact form: people the one being typed may already be (same e-mail, same or similar-sounding
// name, same phone), with the reasons and their company, so nobody records a contact twice unawares.
import { useWatch } from 'react-hook-form'
import { Link } from 'react-router-dom'
import type { ContactFieldsInput } from '../../../../shared/modules/customers'
import { useData } from '../../lib/use-data'
import { useDebounced } from '../../lib/use-debounced'
import { useI18n } from '../../lib/i18n'

export function ContactDuplicateHint({ exceptId }: { exceptId: string }) {
  const { t } = useI18n()
  const [companyId, firstName, lastName, email, phone, mobile] = useWatch<ContactFieldsInput, ['companyId', 'firstName', 'lastName', 'email', 'phone', 'mobile']>({
    name: ['companyId', 'firstName', 'lastName', 'email', 'phone', 'mobile'],
  })
  const typed = useDebounced({ companyId: companyId ?? '', firstName: firstName ?? '', lastName: lastName ?? '', email: email ?? '', phone: phone ?? '', mobile: mobile ?? '', exceptId }, 400)
  const enough = typed.lastName.trim().length >= 2 || typed.email.trim() !== ''
  const found = useData('duplicates.checkContact', enough ? typed : null)
  const candidates = enough ? (found.data ?? []) : []
  if (candidates.length === 0) return null
  return (
    <aside className="duplicate-hint" role="note" aria-label={t('duplicate.checkTitle')}>
      <strong>{t('duplicate.checkTitle')}</strong>
      <ul className="plain-list small">
        {candidates.map(({ contact, reasons }) => (
          <li key={contact.id}>
            <Link to={`/contacts/${contact.id}/edit`}>{[contact.firstName, contact.lastName].filter(Boolean).join(' ')}</Link>
            {' '}<span className="muted">{[contact.companyName, contact.email].filter(Boolean).join(', ')} – {reasons.map((r) => t(`duplicate.reason.${r}`)).join(', ')}</span>
          </li>
        ))}
      </ul>
    </aside>
  )
}
