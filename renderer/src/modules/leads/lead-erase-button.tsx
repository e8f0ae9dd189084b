// Erasing the person of a lead that was never converted (DSGVO Art. 17, docs/leads.md "DSGVO erasure"): one button
// on the lead's card, then a confirmation that names the person; erased on this laptop, on the server and on every
// laptop that pulls. A converted lead is erased through its contact (the contact's privacy page).
import { useState } from 'react'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'

export function LeadEraseButton({ leadId, name, onErased }: { leadId: string; name: string; onErased: () => void }) {
  const { t, tFromData } = useI18n()
  const { run, busy } = useAction()
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const erase = async () => {
    setError(null)
    const result = await run('erasures.lead', { id: leadId })
    if (result.ok) onErased()
    else setError(result.error.message)
  }

  if (!asking) return <p><button type="button" className="button button--ghost" onClick={() => setAsking(true)}>{t('dsgvo.leadErase')}</button></p>
  return (
    <div role="alertdialog" aria-label={t('dsgvo.leadErase')} className="notice notice--warn">
      <p>{t('dsgvo.leadEraseQuestion', { name })}</p>
      <p><strong>{t('dsgvo.eraseFinal')}</strong></p>
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      <div className="form-actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void erase()}>{busy ? t('dsgvo.erasing') : t('dsgvo.leadEraseConfirm')}</button>
        <button type="button" className="button button--ghost" disabled={busy} onClick={() => setAsking(false)}>{t('common.cancel')}</button>
      </div>
    </div>
  )
}
