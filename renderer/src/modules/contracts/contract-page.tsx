// One contract: the running term and its cancel-by date up front, the terms so far, the renewal
// reminders and offers, the confirmation letter (DOCX or PDF), and recording a cancellation.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link, useParams } from 'react-router-dom'
import { CANCELLED_BY, CHURN_REASONS, isRenewing } from '../../../../shared/modules/contracts/contract.enums'
import { contractCancelSchema, type ContractCancelInput } from '../../../../shared/modules/contracts/contract.schema'
import type { Contract } from '../../../../shared/modules/contracts/contract.types'
import { FormError, SelectField, TextAreaField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { LoadError, PageHeader } from '../../components/page'
import { RecordTimeline } from '../customers'
import { RecordPanels } from '../../components/record-panels'
import { StatusBadge } from '../../components/status-badge'
import { useAction } from '../../lib/use-action'
import { saveLetter } from '../../lib/download'
import { useI18n } from '../../lib/i18n'
import { todayIso } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { formatCents } from '../../../../shared/platform/money'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

const daysUntil = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

export function ContractPage() {
  const { t, tFromData, date, language, number } = useI18n()
  const { id = '' } = useParams()
  const contract = useData('contracts.get', { id })
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const letter = useAction()

  if (contract.error) return <LoadError message={contract.error} />
  const c = contract.data
  if (!c) return <p className="page muted">{t('common.loading')}</p>
  const renewing = isRenewing(c.status)
  const today = todayIso()
  const left = daysUntil(today, c.cancelBy)
  const openRenewal = c.renewalOffers.find((o) => o.undecided)

  const document = async (format: 'docx' | 'pdf') => {
    setError(null)
    const result = await letter.run('contracts.document', { id, format })
    if (!result.ok) return setError(result.error.message)
    setMessage(saveLetter(result.data, { t, tFromData }))
  }

  return (
    <section className="page">
      <PageHeader
        title={t('contract.title', { number: c.number })}
        subtitle={
          <>
            <StatusBadge list="contractStatus" value={c.status} />
            <span>{t(`enum.contractType.${c.type}`)} · {c.title}</span>
            <Link to={`/companies/${c.companyId}`}>{c.companyName}</Link>
            {c.offerId ? <Link to={`/offers/${c.offerId}`}>· {t('contract.fromOfferLink', { number: c.offerNumber })}</Link> : null}
          </>
        }
        actions={
          <>
            {renewing ? <Link className="button" to={`/contracts/${id}/edit`}>{t('common.edit')}</Link> : null}
            <button type="button" className="button" disabled={letter.busy} onClick={() => void document('docx')}>{t('contract.document')}</button>
            <button type="button" className="button" disabled={letter.busy} onClick={() => void document('pdf')}>{t('contract.documentPdf')}</button>
            <Link className="button" to={`/mail/compose?purpose=contract&relatedId=${id}`}>{t('contract.sendByMail')}</Link>
            {renewing && !openRenewal ? <Link className="button button--primary" to={`/offers/new?contractId=${id}`}>{t('contract.renewalOffer')}</Link> : null}
            {renewing ? <button type="button" className="button button--ghost" onClick={() => setCancelling(true)}>{t('contract.recordCancellation')}</button> : null}
          </>
        }
      />
      {message ? <p className="notice" role="status">{message}</p> : null}
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      {cancelling ? <CancelForm contract={c} onDone={() => { setCancelling(false); contract.reload() }} onClose={() => setCancelling(false)} /> : null}
      <div className="company-layout">
        <div className="card">
          <h2>{t('contract.term')}</h2>
          <dl className="details">
            <div className="details__item"><dt>{t('contract.runningTerm')}</dt><dd>{date(c.termStart)} – {date(c.endDate)}</dd></div>
            {renewing ? (
              <div className={`details__item cancel-by${left <= 30 ? ' cancel-by--urgent' : ''}`}>
                <dt>{t('contract.cancelBy')}</dt>
                <dd><strong>{date(c.cancelBy)}</strong> {left >= 0 ? <span className="muted">({t('contract.daysLeft', { n: left })})</span> : <span className="muted">({t(c.renewalMonths > 0 ? 'contract.cancelByPassed' : 'contract.cancelByPassedEnds')})</span>}</dd>
              </div>
            ) : null}
            <div className="details__item"><dt>{t('contract.notice')}</dt><dd>{c.noticeValue > 0 ? t('contract.noticeText', { period: t(`contract.period.${c.noticeUnit}`, { count: c.noticeValue }) }) : '–'}</dd></div>
            <div className="details__item"><dt>{t('contract.renewal')}</dt><dd>{c.renewalMonths > 0 ? t('contract.renewalText', { n: c.renewalMonths }) : t('contract.noRenewal')}</dd></div>
            <div className="details__item"><dt>{t('contract.startDate')}</dt><dd>{date(c.startDate)} · {t('contract.minimumTermText', { n: c.minimumTermMonths })}</dd></div>
            <div className="details__item"><dt>{t('contract.annualValue')}</dt><dd>{formatCents(c.annualValueCents, language)}</dd></div>
            <div className="details__item"><dt>{t('contract.contact')}</dt><dd>{c.contactId ? <Link to={`/contacts/${c.contactId}/edit`}>{c.contactName || '–'}</Link> : '–'}</dd></div>
            <div className="details__item"><dt>{t('contract.owner')}</dt><dd>{c.ownerName || '–'}</dd></div>
            {c.cancellationReceivedOn ? (
              <div className="details__item">
                <dt>{t('contract.cancellation')}</dt>
                <dd>{t('contract.cancellationText', { who: t(`enum.cancelledBy.${c.cancelledBy || 'customer'}`), received: date(c.cancellationReceivedOn), effective: date(c.cancellationEffectiveOn ?? c.endDate) })} · {t(`enum.churnReason.${c.churnReason || 'other'}`)}{c.churnNote ? ` – ${c.churnNote}` : ''}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        <div className="card">
          <h2>{t('contract.reminders')}</h2>
          {renewing && (c.reviewDue || c.finalDue) ? (
            <ul className="plain-list">
              {c.reviewDue ? <li><strong>{date(c.reviewDue)}</strong> · {t('enum.renewalReminderKind.renewal_review')}</li> : null}
              {c.finalDue ? <li><strong>{date(c.finalDue)}</strong> · {t('enum.renewalReminderKind.renewal_final')}</li> : null}
            </ul>
          ) : <p className="muted">{t('contract.noReminders')}</p>}
          <h2>{t('contract.renewalOffers')}</h2>
          {c.renewalOffers.length === 0 ? <p className="muted">{t('contract.noRenewalOffers')}</p> : (
            <ul className="plain-list">
              {c.renewalOffers.map((o) => <li key={o.id}><Link to={`/offers/${o.id}`}>{o.number}</Link> <StatusBadge list="offerStatus" value={o.status} /></li>)}
            </ul>
          )}
          <h2>{t('contract.terms')}</h2>
          <ol className="plain-list" aria-label={t('contract.terms')}>
            {c.terms.map((term, n) => (
              <li key={n}>{date(term.start)} – {date(term.end)} · {t(`contract.via.${term.via}`)}</li>
            ))}
          </ol>
        </div>
        {c.items.length > 0 ? (
          <div className="card card--wide">
            <h2>{t('contract.items')}</h2>
            <table className="data-table">
              <thead><tr><th>{t('offer.pos')}</th><th>{t('offer.itemName')}</th><th className="num">{t('offer.quantity')}</th><th>{t('offer.unit')}</th><th className="num">{t('offer.unitPrice')}</th><th className="num">{t('offer.discountPercent')}</th><th className="num">{t('offer.vatRate')}</th><th className="num">{t('offer.lineTotal')}</th></tr></thead>
              <tbody>
                {c.items.map((i) => (
                  <tr key={i.id}>
                    <td>{i.position}</td><td>{i.name}</td><td className="num">{number(i.quantity)}</td><td>{i.unit}</td>
                    {/* The list price, its discount and the discounted line total, as on the offer. */}
                    <td className="num">{formatCents(i.unitPriceCents, language)}</td>
                    <td className="num">{i.discountPercent ? `${number(i.discountPercent)} %` : '–'}</td>
                    <td className="num">{i.vatRate} %</td>
                    <td className="num">{formatCents(i.netCents, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
      <RecordPanels record={{ kind: 'contract', id: c.id, companyId: c.companyId }} />
      <RecordTimeline relatedType="contract" relatedId={c.id} />
    </section>
  )
}

function CancelForm({ contract, onDone, onClose }: { contract: Contract; onDone: () => void; onClose: () => void }) {
  const { t, enumLabel } = useI18n()
  const { run } = useAction()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<ContractCancelInput>({
    resolver: zodResolver(contractCancelSchema),
    // No churn reason yet: the select starts at "please choose", and saving without one is refused at the field.
    defaultValues: { id: contract.id, cancelledBy: 'customer', receivedOn: todayIso(), effectiveOn: '', note: '' },
  })
  const onSubmit = form.handleSubmit(async (input) => {
    setFormError(null)
    const result = await run('contracts.cancel', input)
    if (result.ok) onDone()
    else setFormError(showServerErrors(form, result.error))
  })
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="form card" aria-label={t('contract.recordCancellation')}>
        <FormError message={formError} />
        <div className="form-grid">
          <SelectField name="cancelledBy" label={t('contract.cancelledBy')} options={enumOptions(enumLabel, 'cancelledBy', CANCELLED_BY)} required />
          <TextField name="receivedOn" label={t('contract.receivedOn')} type="date" required />
          <TextField name="effectiveOn" label={t('contract.effectiveOn')} type="date" hint={t('contract.effectiveOnHint')} />
          <SelectField name="reason" label={t('contract.churnReason')} options={enumOptions(enumLabel, 'churnReason', CHURN_REASONS)} emptyLabel={t('common.choose')} required />
          <TextAreaField name="note" label={t('contract.churnNote')} rows={2} maxLength={maxLengthOf(contractCancelSchema.shape.note)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">{t('contract.saveCancellation')}</button>
          <button type="button" className="button button--ghost" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </FormProvider>
  )
}
