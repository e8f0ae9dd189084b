// The recipients of one header (An, Cc) as removable chips; added from the buying center or typed.
import { useId, useState } from 'react'
import { mailAddressSchema, type MailAddress } from '../../../../shared/modules/customers'
import type { MailCandidate } from '../../../../shared/modules/mail'
import { useI18n } from '../../lib/i18n'

/** A typed address is taken only when it is one (the same schema the server checks). */
export const parseAddress = (text: string): MailAddress | null => {
  const parsed = mailAddressSchema.safeParse({ name: '', address: text.trim() })
  return parsed.success ? parsed.data : null
}

/**
 * `taken`: addresses already in another header (a contact in "An" is not offered again for "Cc"). `pending` is told
 * what is typed but not added yet, so sending takes it along instead of dropping it without a word.
 */
export function RecipientList({ label, value, onChange, candidates, taken = [], pending }: {
  label: string; value: MailAddress[]; onChange: (next: MailAddress[]) => void; candidates: MailCandidate[]; taken?: MailAddress[]; pending?: (typed: string) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [typed, setTyped] = useState('')
  const [invalid, setInvalid] = useState(false)
  const has = (address: string) => value.some((v) => v.address === address)
  const addTyped = () => {
    const address = parseAddress(typed)
    if (!address) return setInvalid(true)
    const known = candidates.find((c) => c.address === address.address)
    if (!has(address.address)) onChange([...value, known ? { name: known.name, address: known.address } : address])
    setTyped('')
    pending?.('')
    setInvalid(false)
  }
  const open = candidates.filter((c) => !has(c.address) && !taken.some((x) => x.address === c.address))
  return (
    <fieldset className="recipients">
      <legend>{label}</legend>
      <ul className="recipients__list">
        {value.map((r) => (
          <li key={r.address} className="chip">
            <span>{r.name ? `${r.name} <${r.address}>` : r.address}</span>
            <button type="button" className="chip__remove" aria-label={t('mail.compose.remove', { address: r.address })} onClick={() => onChange(value.filter((v) => v.address !== r.address))}>×</button>
          </li>
        ))}
      </ul>
      <div className="recipients__add">
        {open.length > 0 ? (
          <select aria-label={`${label}: ${t('mail.compose.addFromBuyingCenter')}`} value="" onChange={(e) => {
            const picked = open.find((c) => c.address === e.target.value)
            if (picked) onChange([...value, { name: picked.name, address: picked.address }])
          }}>
            <option value="">{t('mail.compose.addFromBuyingCenter')}</option>
            {open.map((c) => <option key={c.contactId} value={c.address}>{[c.name, c.jobFunction].filter(Boolean).join(', ')} &lt;{c.address}&gt;</option>)}
          </select>
        ) : null}
        <input id={id} type="email" aria-label={`${label}: ${t('mail.compose.addRecipient')}`} placeholder={t('mail.compose.addressPlaceholder')} value={typed}
          aria-invalid={invalid || undefined} onChange={(e) => { setTyped(e.target.value); pending?.(e.target.value); setInvalid(false) }}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addTyped() } }} />
        <button type="button" className="button" onClick={addTyped} disabled={!typed.trim()}>{t('mail.compose.add')}</button>
      </div>
      {invalid ? <p className="field__error" role="alert">{t('mail.compose.invalidAddress')}</p> : null}
    </fieldset>
  )
}
