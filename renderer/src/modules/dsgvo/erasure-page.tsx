// "Person löschen (DSGVO)": what the erasure does, the question about open offers addressed to the
// person, and the final button. Reached from the contact's form by its URL (/contacts/:id/privacy).
import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { OFFER_DECISIONS, type ErasurePreview, type OfferDecision } from '../../../../shared/modules/dsgvo'
import { FormError } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

export function ErasurePage() {
  const { t } = useI18n()
  const { id = '' } = useParams()
  const preview = useData('erasures.preview', id ? { id } : null)
  const [erasedFrom, setErasedFrom] = useState<{ companyId: string } | null>(null)

  if (erasedFrom) {
    return (
      <section className="page">
        <PageHeader title={t('dsgvo.eraseTitle')} />
        <p role="status" className="notice">{t('dsgvo.erased')}</p>
        <Link className="button" to={`/companies/${erasedFrom.companyId}`}>{t('common.back')}</Link>
      </section>
    )
  }
  if (preview.error) return <LoadError message={preview.error} />
  if (!preview.data) return <p className="muted" role="status">{t('common.loading')}</p>
  return <ErasureConfirmation preview={preview.data} onErased={() => setErasedFrom({ companyId: preview.data!.companyId })} />
}

function ErasureConfirmation({ preview, onErased }: { preview: ErasurePreview; onErased: () => void }) {
  const { t } = useI18n()
  const { run, busy } = useAction()
  const [decision, setDecision] = useState<OfferDecision | ''>('')
  const [error, setError] = useState<string | null>(null)
  const [decisionError, setDecisionError] = useState<string | null>(null)
  const open = preview.openOffers

  const erase = async () => {
    setError(null)
    setDecisionError(null)
    const result = await run('erasures.create', { id: preview.contactId, ...(decision ? { offerDecision: decision } : {}) })
    if (result.ok) return onErased()
    const field = result.error.fields?.offerDecision
    if (field) setDecisionError(field)
    else setError(result.error.message)
  }

  return (
    <section className="page">
      <PageHeader title={t('dsgvo.eraseTitle')} subtitle={t('dsgvo.eraseSubtitle', { name: preview.displayName, company: preview.companyName })} />
      <div className="card">
        <h2>{t('dsgvo.eraseWhat')}</h2>
        <p>{t('dsgvo.eraseEverywhere')}</p>
        <p>{t('dsgvo.eraseKept', preview.kept)}</p>
        <p><strong>{t('dsgvo.eraseFinal')}</strong></p>
      </div>
      <FormError message={error} />
      {open.length > 0 ? (
        <fieldset className="card" aria-describedby={decisionError ? 'erasure-decision-error' : undefined} aria-invalid={decisionError ? true : undefined}>
          <legend>{t('dsgvo.openOffersQuestion', { count: open.length, numbers: open.map((o) => o.number).join(', ') })}</legend>
          {OFFER_DECISIONS.map((value) => (
            <label key={value} className="radio-line">
              <input type="radio" name="offerDecision" value={value} checked={decision === value} onChange={() => setDecision(value)} />
              {t(`enum.offerDecision.${value}`)}
            </label>
          ))}
          {decisionError ? <p id="erasure-decision-error" className="field__error" role="alert">{t('dsgvo.errors.offerDecisionRequired')}</p> : null}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void erase()}>
          {busy ? t('dsgvo.erasing') : t('dsgvo.eraseConfirm')}
        </button>
        <Link className="button button--ghost" to={`/contacts/${preview.contactId}/edit`}>{t('common.cancel')}</Link>
      </div>
    </section>
  )
}
