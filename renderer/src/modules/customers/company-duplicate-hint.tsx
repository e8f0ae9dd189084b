// On the company form: companies the one being typed may already be (same or similar-sounding name,
// customer number, postal code), with the reasons, so nobody types a customer twice unawares.
import { useWatch } from 'react-hook-form'
import { Link } from 'react-router-dom'
import type { CompanyFieldsInput } from '../../../../shared/modules/customers'
import { useData } from '../../lib/use-data'
import { useDebounced } from '../../lib/use-debounced'
import { useI18n } from '../../lib/i18n'

export function CompanyDuplicateHint({ exceptId }: { exceptId: string }) {
  const { t } = useI18n()
  const [name, customerNumber, postalCode, city] = useWatch<CompanyFieldsInput, ['name', 'customerNumber', 'postalCode', 'city']>({ name: ['name', 'customerNumber', 'postalCode', 'city'] })
  const typed = useDebounced({ name: name ?? '', customerNumber: customerNumber ?? '', postalCode: postalCode ?? '', city: city ?? '', exceptId }, 400)
  const found = useData('duplicates.check', typed.name.trim().length >= 3 || typed.customerNumber ? typed : null)
  const candidates = typed.name.trim().length >= 3 || typed.customerNumber ? (found.data ?? []) : []
  if (candidates.length === 0) return null
  return (
    <aside className="duplicate-hint" role="note" aria-label={t('duplicate.checkTitle')}>
      <strong>{t('duplicate.checkTitle')}</strong>
      <ul className="plain-list small">
        {candidates.map(({ company, reasons }) => (
          <li key={company.id}>
            <Link to={`/companies/${company.id}`}>{company.name}</Link>
            {' '}<span className="muted">{[company.customerNumber, company.city].filter(Boolean).join(', ')} – {reasons.map((r) => t(`duplicate.reason.${r}`)).join(', ')}</span>
          </li>
        ))}
      </ul>
    </aside>
  )
}
