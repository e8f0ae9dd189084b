// One offer: items and totals, revisions, follow-ups, a preview of the letter's first page, and what can
// happen next: send, revise, download the letter (DOCX or PDF), won, lost (with a reason), withdrawn.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { Link, useParams } from 'react-router-dom'
import { LOST_REASONS, RECONTACT_REASONS, isClosedOffer } from '../../../../shared/modules/offers/offer.enums'
import { offerLoseSchema, offerWinSchema } from '../../../../shared/modules/offers/offer.schema'
import type { Offer } from '../../../../shared/modules/offers/offer.types'
import { FormError, MoneyField, SelectField, TextAreaField, TextField, enumOptions, showServerErrors } from '../../components/form-fields'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { PdfPreview } from '../../components/pdf-preview'
import { StatusBadge } from '../../components/status-badge'
import { useAction } from '../../lib/use-action'
import { saveLetter } from '../../lib/download'
import { useRights } from '../../lib/use-rights'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { formatCents } from '../../../../shared/platform/money'
import { todayIso } from '../../lib/today'
import { TotalsTable } from './totals-table'
import { ApprovalBox } from './approval-box'
import { RecordTimeline } from '../customers'
import { RecordPanels } from '../../components/record-panels'
import { maxLengthOf } from '../../../../shared/platform/common.schema'

export function OfferPage() {
  const { t, tFromData, enumLabel, date, language, number } = useI18n()
  const action = useAction()
  const rights = useRights()
  const { id = '' } = useParams()
  const offer = useData('offers.get', { id })
  // The letter of the current revision as PDF, made in memory for the preview (nothing is saved).
  const preview = useData('offers.preview', { id })
  // A mail with this offer still in the outbox (queued, being sent, or failed and waiting for the rep).
  const outbox = useData('outbox.list', { status: 'open', relatedId: id })
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [dialog, setDialog] = useState<'won' | 'lost' | null>(null)

  if (offer.error) return <LoadError message={offer.error} />
  const o = offer.data
  if (!o) return <p className="page muted">{t('common.loading')}</p>
  const closed = isClosedOffer(o.status)
  // Edit, send, decide, withdraw: only for a role that may change offers (service sees the offer and its letter).
  const writable = !closed && rights.may('offers.write')
  // The mail carrying the offer itself waits in the outbox: not sent yet, not to be revised or mailed again (a
  // follow-up mail waiting is only on the timeline).
  const waiting = !closed && (outbox.data ?? []).some((mail) => mail.purpose === 'offer' || mail.purpose === 'renewal_offer')
  // Frozen for a mail that did not go (discarded in the outbox, or an .eml): it can be mailed again or marked sent.
  const frozenDraft = o.status === 'draft' && o.currentRevisionSent && !waiting
  const mailPurpose = !o.currentRevisionSent || frozenDraft ? (o.contractId ? 'renewal_offer' : 'offer') : 'follow_up'
  const reload = () => {
    offer.reload()
    preview.reload()
    outbox.reload()
  }

  const act = async (channel: 'offers.send' | 'offers.revise' | 'offers.withdraw', done: 'offer.revised' | 'offer.sentNotice' | 'offer.withdrawn') => {
    setError(null)
    setMessage(null)
    const result = await action.run(channel, { id })
    if (result.ok) {
      setMessage(t(done))
      reload()
    } else setError(result.error.fields ? Object.values(result.error.fields)[0]! : result.error.message)
  }
  const document = async (format: 'docx' | 'pdf', revision?: number) => {
    setError(null)
    const result = await action.run('offers.document', revision ? { id, revision, format } : { id, format })
    if (!result.ok) return setError(result.error.message)
    setMessage(saveLetter(result.data, { t, tFromData }))
  }

  return (
    <section className="page">
      <PageHeader
        title={t('offer.title', { number: o.number })}
        subtitle={
          <>
            <StatusBadge list="offerStatus" value={o.status} />
            <span>{t('offer.revisionLabel', { n: o.revision })}</span>
            <Link to={`/companies/${o.companyId}`}>{o.companyName}</Link>
            {o.contactName ? <span>· {o.contactName}</span> : null}
            {o.contractId ? <Link to={`/contracts/${o.contractId}`}>· {t('offer.renewalOf', { number: o.contractNumber })}</Link> : null}
            {o.conversationId ? <Link to={`/conversations/${o.conversationId}`}>· {t('offer.withConversation')}</Link> : <span className="muted">· {t('offer.withoutConversation')}</span>}
          </>
        }
        actions={
          <>
            {writable && !o.currentRevisionSent ? <Link className="button" to={`/offers/${id}/edit`}>{t('common.edit')}</Link> : null}
            {writable && o.currentRevisionSent && !waiting && !frozenDraft ? <button type="button" className="button" disabled={action.busy} onClick={() => void act('offers.revise', 'offer.revised')}>{t('offer.revise')}</button> : null}
            {writable && !waiting ? <Link className={`button${o.sentAt ? '' : ' button--primary'}`} to={`/mail/compose?purpose=${mailPurpose}&relatedId=${id}`}>{t('offer.sendByMail')}</Link> : null}
            {writable && (!o.currentRevisionSent || frozenDraft) ? <button type="button" className="button" disabled={action.busy} onClick={() => void act('offers.send', 'offer.sentNotice')}>{t('offer.send')}</button> : null}
            <button type="button" className="button" disabled={action.busy} onClick={() => void document('docx')}>{t('offer.document')}</button>
            <button type="button" className="button" disabled={action.busy} onClick={() => void document('pdf')}>{t('offer.documentPdf')}</button>
            {writable && o.sentAt ? <button type="button" className="button" onClick={() => setDialog('won')}>{t('offer.markWon')}</button> : null}
            {writable && o.sentAt ? <button type="button" className="button" onClick={() => setDialog('lost')}>{t('offer.markLost')}</button> : null}
            {writable ? <button type="button" className="button button--ghost" disabled={action.busy} onClick={() => void act('offers.withdraw', 'offer.withdrawn')}>{t('offer.withdraw')}</button> : null}
            {o.status === 'won' && !o.contractId && rights.may('contracts.write') ? <Link className="button button--primary" to={`/contracts/new?offerId=${id}`}>{t('offer.createContract')}</Link> : null}
          </>
        }
      />
      {!closed && !rights.may('offers.write') ? <p className="notice notice--warn" role="note">{rights.why('offers.write')}</p> : null}
      {waiting ? <p className="notice" role="status">{t('offer.waitingInOutbox')} <Link to="/outbox">{t('offer.toOutbox')}</Link></p> : null}
      {message ? <p className="notice" role="status">{message}</p> : null}
      {error ? (
        <p className="form-error" role="alert">
          {tFromData(error)}
          {/* Sending is refused while the letter's details are missing: the assistant asks for them, then comes back here. */}
          {error === 'errors.letterDetailsMissing' ? <> <Link to="/setup" state={{ from: `/offers/${id}` }}>{t('setup.completeProfile')}</Link></> : null}
        </p>
      ) : null}
      {dialog === 'won' ? <WinForm offer={o} onDone={() => { setDialog(null); reload() }} /> : null}
      {dialog === 'lost' ? <LoseForm offer={o} onDone={() => { setDialog(null); reload() }} /> : null}
      <div className="company-layout">
        {/* Left the offer's facts, right the preview of its letter. */}
        <div className="stack">
          <div className="card">
            <h2>{t('offer.basics')}</h2>
            <dl className="details">
              <div className="details__item"><dt>{t('offer.offerDate')}</dt><dd>{date(o.offerDate)}</dd></div>
              <div className="details__item"><dt>{t('offer.validUntil')}</dt><dd>{date(o.validUntil)}</dd></div>
              <div className="details__item"><dt>{t('offer.owner')}</dt><dd>{o.ownerName || '–'}</dd></div>
              <div className="details__item"><dt>{t('offer.paymentTerms')}</dt><dd>{t(o.skontoPercent > 0 ? 'offer.paymentWithSkonto' : 'offer.paymentNet', { net: o.paymentNetDays, skonto: o.skontoPercent, days: o.skontoDays })}</dd></div>
              {o.status === 'won' ? <div className="details__item"><dt>{t('offer.orderValue')}</dt><dd>{formatCents(o.orderValueCents ?? 0, language)} ({o.orderDate ? date(o.orderDate) : ''})</dd></div> : null}
              {o.status === 'lost' ? <div className="details__item"><dt>{t('offer.lostReason')}</dt><dd>{o.lostReason ? enumLabel('lostReason', o.lostReason) : ''}{o.lostCompetitor ? `: ${o.lostCompetitor}` : ''}{o.lostNote ? ` – ${o.lostNote}` : ''}{o.recontactOn ? ` · ${t('offer.recontactShown', { date: date(o.recontactOn) })}` : ''}</dd></div> : null}
            </dl>
          </div>
          <div className="card">
            <h2>{t('offer.followUps')}</h2>
            {o.followUps.length === 0 ? <p className="muted">{t('offer.noFollowUps')}</p> : (
              <ul className="plain-list">
                {o.followUps.map((f) => (
                  <li key={f.id}>
                    <strong>{date(f.dueDate)}</strong> · {t(`enum.followUpKind.${f.kind}`)} · <Badge tone={f.status === 'done' ? 'good' : f.status === 'open' ? 'station' : 'muted'}>{t(`enum.followUpStatus.${f.status}`)}</Badge>
                    {f.outcome ? <div className="muted small">{f.outcome}</div> : null}
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('offer.revisions')}</h2>
            {o.revisions.length === 0 ? <p className="muted">{t('offer.notSent')}</p> : (
              <ul className="plain-list">
                {o.revisions.map((r) => (
                  <li key={r.revision}>
                    {o.status === 'draft' ? t(waiting ? 'offer.revisionInOutbox' : 'offer.revisionFrozen', { n: r.revision, when: date(r.sentAt) }) : t('offer.revisionSent', { n: r.revision, when: date(r.sentAt) })}{' '}
                    <button type="button" className="button button--small button--ghost" onClick={() => void document('docx', r.revision)}>{t('offer.documentOfRevision', { n: r.revision })}</button>
                    <button type="button" className="button button--small button--ghost" onClick={() => void document('pdf', r.revision)}>{t('offer.pdfOfRevision', { n: r.revision })}</button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
        <div className="card">
          <h2>{t('offer.preview')}</h2>
          <PdfPreview
            width={400}
            base64={preview.data?.base64 ?? null}
            failed={preview.error !== null}
            texts={{ label: t('offer.previewLabel'), pages: (count) => t('offer.previewPages', { count }), loading: t('offer.previewLoading'), failed: t('offer.previewError') }}
          />
        </div>
        <div className="card card--wide">
          <h2>{t('offer.items')}</h2>
          <table className="data-table">
            <thead><tr><th>{t('offer.pos')}</th><th>{t('offer.itemName')}</th><th className="num">{t('offer.quantity')}</th><th>{t('offer.unit')}</th><th className="num">{t('offer.unitPrice')}</th><th className="num">{t('offer.discountPercent')}</th><th className="num">{t('offer.vatRate')}</th><th className="num">{t('offer.lineTotal')}</th></tr></thead>
            <tbody>
              {o.items.map((i) => (
                <tr key={i.id} className={i.optional ? 'muted' : undefined}>
                  <td>{i.position}</td>
                  <td>{i.name}{i.optional ? ` (${t('offer.optional')})` : ''}{i.description ? <div className="small muted">{i.description}</div> : null}</td>
                  <td className="num">{number(i.quantity)}</td>
                  <td>{i.unit}</td>
                  <td className="num">{formatCents(i.unitPriceCents, language)}</td>
                  <td className="num">{i.discountPercent ? `${number(i.discountPercent)} %` : '–'}</td>
                  <td className="num">{i.vatRate} %</td>
                  <td className="num">{i.optional ? `(${formatCents(i.netCents, language)})` : formatCents(i.netCents, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <TotalsTable totals={o.totals} offerDiscountPercent={o.offerDiscountPercent} />
        </div>
      </div>
      <ApprovalBox offerId={o.id} closed={closed || o.currentRevisionSent} onChange={reload} />
      <RecordPanels record={{ kind: 'offer', id: o.id, companyId: o.companyId }} />
      <RecordTimeline relatedType="offer" relatedId={o.id} />
    </section>
  )
}

function WinForm({ offer, onDone }: { offer: Offer; onDone: () => void }) {
  const { t } = useI18n()
  const action = useAction()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({ resolver: zodResolver(offerWinSchema), defaultValues: { id: offer.id, orderDate: todayIso(), orderValueCents: offer.totals.netCents } })
  const submit = form.handleSubmit(async (input) => {
    const result = await action.run('offers.win', input)
    if (result.ok) onDone()
    else setFormError(showServerErrors(form, result.error))
  })
  return (
    <FormProvider {...form}>
      <form className="card form dialog-form" onSubmit={submit} noValidate aria-label={t('offer.markWon')}>
        <FormError message={formError} />
        <div className="form-grid">
          <TextField name="orderDate" label={t('offer.orderDate')} type="date" required />
          <MoneyField name="orderValueCents" label={t('offer.orderValueNet')} required />
        </div>
        <div className="form-actions"><button type="submit" className="button button--primary" disabled={action.busy}>{t('offer.confirmWon')}</button><button type="button" className="button button--ghost" onClick={onDone}>{t('common.cancel')}</button></div>
      </form>
    </FormProvider>
  )
}

function LoseForm({ offer, onDone }: { offer: Offer; onDone: () => void }) {
  const { t, enumLabel } = useI18n()
  const action = useAction()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({ resolver: zodResolver(offerLoseSchema), defaultValues: { id: offer.id, competitor: '', note: '', recontactOn: '' } })
  const reason = form.watch('reason')
  // The catalogue of the company's team (team setting `offerRules`).
  const rules = useData('teamRules.get', { companyId: offer.companyId })
  const offered = LOST_REASONS.filter((r) => !rules.data || rules.data.rules.lostReasons.includes(r))
  const submit = form.handleSubmit(async (input) => {
    const result = await action.run('offers.lose', input)
    if (result.ok) onDone()
    else setFormError(showServerErrors(form, result.error))
  })
  return (
    <FormProvider {...form}>
      <form className="card form dialog-form" onSubmit={submit} noValidate aria-label={t('offer.markLost')}>
        <FormError message={formError} />
        <div className="form-grid">
          <SelectField name="reason" label={t('offer.lostReason')} options={enumOptions(enumLabel, 'lostReason', offered)} emptyLabel={t('common.choose')} required />
          {reason === 'competitor' ? <TextField name="competitor" label={t('offer.competitor')} required /> : null}
          {(RECONTACT_REASONS as readonly string[]).includes(reason ?? '') ? <TextField name="recontactOn" label={t('offer.recontactOn')} hint={t('offer.recontactOnHint')} type="date" /> : null}
          <TextAreaField name="note" label={t('offer.lostNote')} rows={2} maxLength={maxLengthOf(offerLoseSchema.shape.note)} />
        </div>
        <div className="form-actions"><button type="submit" className="button button--primary" disabled={action.busy}>{t('offer.confirmLost')}</button><button type="button" className="button button--ghost" onClick={onDone}>{t('common.cancel')}</button></div>
      </form>
    </FormProvider>
  )
}
