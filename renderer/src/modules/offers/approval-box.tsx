// The offer page's discount approval (issue 18): the offer's figures against the user's limit, whether it may be
// sent, "Freigabe anfordern" with a comment for the rep, "Freigeben" (optionally up to a lower discount) and
// "Ablehnen" (with a reason) for an approver, and the offer's history of requests and decisions.
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { z } from 'zod'
import { HARD_CAP_PERCENT, type ApprovalView, type DiscountState } from '../../../../shared/modules/offers'
import { text as textSchema } from '../../../../shared/platform/common.schema'
import { FormError, NumberField, TextAreaField, showServerErrors } from '../../components/form-fields'
import { LoadError } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

const requestForm = z.object({ comment: textSchema(2000) })
const decideForm = z.object({
  limitPercent: z.union([z.nan().transform(() => null), z.number().min(0, 'errors.notNegative').max(100, 'errors.percentMax')]).nullable().default(null),
  reason: textSchema(2000),
})

export function ApprovalBox({ offerId, closed, onChange }: { offerId: string; closed: boolean; onChange(): void }) {
  const { t, number } = useI18n()
  const state = useData('approvals.get', { offerId })
  const pct = (n: number | null) => (n === null ? '–' : `${number(n)} %`)
  if (state.error) return <LoadError message={state.error} />
  const s = state.data
  if (!s) return null
  const open = s.approvals.find((a) => a.status === 'requested')
  const reload = () => {
    state.reload()
    onChange()
  }
  return (
    <section className="card" aria-label={t('approval.title')}>
      <div className="card__header"><h2>{t('approval.title')}</h2></div>
      <p>{t('approval.figures', { item: pct(s.figures.itemPercent), offer: pct(s.figures.offerPercent) })}{s.figures.marginPercent !== null ? ` · ${t('approval.margin', { margin: pct(s.figures.marginPercent) })}` : ''}</p>
      {s.limit ? <p className="muted small">{t('approval.limit', { item: pct(s.limit.itemPercent), offer: pct(s.limit.offerPercent), margin: pct(s.limit.marginFloorPercent) })}</p> : <p className="muted small">{t('approval.noLimit')}</p>}
      {/* An approver deciding a colleague's request sees the request, not their own limit's verdict. */}
      {open?.canDecide ? null : <StateNotice state={s} />}
      {s.canRequest && !closed ? <RequestForm offerId={offerId} onDone={reload} /> : null}
      {open?.canDecide && !closed ? <DecideForm approval={open} onDone={reload} /> : null}
      {s.approvals.length > 0 ? (
        <>
          <h3>{t('approval.history')}</h3>
          <ol className="timeline">{s.approvals.map((a) => <Entry key={a.id} approval={a} />)}</ol>
        </>
      ) : null}
    </section>
  )
}

function StateNotice({ state: s }: { state: DiscountState }) {
  const { t, number } = useI18n()
  if (s.overCap) return <p className="notice notice--warn" role="status">{t('approval.overCap', { cap: `${number(HARD_CAP_PERCENT)} %` })}</p>
  if (s.exceeded.length === 0) return s.limit ? <p className="notice" role="status">{t('approval.within')}</p> : null
  if (s.sendable) return <p className="notice" role="status">{t('approval.covered')}</p>
  return <p className="notice notice--warn" role="status">{t('approval.blocked', { what: s.exceeded.map((e) => t(`approval.exceeded.${e}`)).join(', ') })}</p>
}

function Entry({ approval: a }: { approval: ApprovalView }) {
  const { t, date, number } = useI18n()
  const pct = (n: number) => `${number(n)} %`
  return (
    <li>
      <p>{t('approval.entry.requested', { date: date(a.requestedAt.slice(0, 10)), name: a.requesterName, item: pct(a.itemPercent), offer: pct(a.offerPercent) })}</p>
      {a.comment ? <p className="muted">„{a.comment}“</p> : null}
      {a.status === 'requested' ? <p className="muted small">{t('approval.entry.open')}</p> : null}
      {a.status === 'approved' && a.decidedAt ? (
        <p>{a.approvedLimitPercent === null
          ? t('approval.entry.approved', { date: date(a.decidedAt.slice(0, 10)), name: a.deciderName })
          : t('approval.entry.approvedUpTo', { date: date(a.decidedAt.slice(0, 10)), name: a.deciderName, limit: pct(a.approvedLimitPercent) })}</p>
      ) : null}
      {a.status === 'declined' && a.decidedAt ? <p>{t('approval.entry.declined', { date: date(a.decidedAt.slice(0, 10)), name: a.deciderName, reason: a.declineReason })}</p> : null}
    </li>
  )
}

function RequestForm({ offerId, onDone }: { offerId: string; onDone(): void }) {
  const { t } = useI18n()
  const { run, busy } = useAction()
  const [error, setError] = useState<string | null>(null)
  const form = useForm<z.input<typeof requestForm>, unknown, z.output<typeof requestForm>>({ resolver: zodResolver(requestForm), defaultValues: { comment: '' } })
  const submit = form.handleSubmit(async (values) => {
    setError(null)
    const result = await run('approvals.request', { offerId, comment: values.comment })
    if (result.ok) onDone()
    else setError(showServerErrors(form, result.error))
  })
  return (
    <FormProvider {...form}>
      <form className="form" onSubmit={submit} noValidate aria-label={t('approval.request')}>
        <FormError message={error} />
        <TextAreaField name="comment" label={t('approval.comment')} rows={2} maxLength={2000} />
        <div className="form-actions"><button type="submit" className="button button--primary" disabled={busy}>{t('approval.request')}</button></div>
      </form>
    </FormProvider>
  )
}

function DecideForm({ approval, onDone }: { approval: ApprovalView; onDone(): void }) {
  const { t } = useI18n()
  const { run, busy } = useAction()
  const [error, setError] = useState<string | null>(null)
  const form = useForm<z.input<typeof decideForm>, unknown, z.output<typeof decideForm>>({ resolver: zodResolver(decideForm), defaultValues: { limitPercent: null, reason: '' } })
  const decide = (decision: 'approved' | 'declined') => form.handleSubmit(async (values) => {
    setError(null)
    const result = await run('approvals.decide', { id: approval.id, decision, limitPercent: decision === 'approved' ? values.limitPercent : null, reason: values.reason })
    if (result.ok) onDone()
    else setError(showServerErrors(form, result.error))
  })
  return (
    <FormProvider {...form}>
      <form className="form" onSubmit={(e) => e.preventDefault()} noValidate aria-label={t('approval.approve')}>
        <FormError message={error} />
        <div className="form-grid">
          <NumberField name="limitPercent" label={t('approval.lowerLimit')} step="0.01" unit="%" />
        </div>
        <TextAreaField name="reason" label={t('approval.reason')} rows={2} maxLength={2000} />
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void decide('approved')()}>{t('approval.approve')}</button>
          <button type="button" className="button" disabled={busy} onClick={() => void decide('declined')()}>{t('approval.decline')}</button>
        </div>
      </form>
    </FormProvider>
  )
}
