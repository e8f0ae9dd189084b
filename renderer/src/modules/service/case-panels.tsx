// The part of a case that depends on its type: a complaint's analysis, goodwill and satisfaction,
// a warranty claim's decision, and a return's steps with its lines.
import { useState } from 'react'
import {
  COMPLAINT_CATEGORIES, RETURN_TRANSITIONS, WARRANTY_DECISIONS, isOpenCase, type ReturnStatus,
} from '../../../../shared/modules/service/service.enums'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { Badge } from '../../components/page'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { formatCents, formatMoneyInput, parseMoneyInput } from '../../../../shared/platform/money'
import { Informed, StepForm, firstError } from './case-steps'

export function ComplaintPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, language } = useI18n()
  const [category, setCategory] = useState(c.category)
  const [rootCause, setRootCause] = useState(c.rootCause)
  const [action, setAction] = useState(c.correctiveAction)
  const [goodwill, setGoodwill] = useState(formatMoneyInput(c.goodwillCents, language))
  const [satisfaction, setSatisfaction] = useState(c.satisfaction ? String(c.satisfaction) : '')
  const [error, setError] = useState<string | null>(null)
  const [rateError, setRateError] = useState<string | null>(null)
  const editable = c.status !== 'closed' && c.status !== 'rejected'
  const save = async () => {
    // Empty means no goodwill; text that is not an amount goes as NaN and comes back as the field's error.
    const cents = goodwill.trim() === '' ? 0 : parseMoneyInput(goodwill, language)
    const result = await call('cases.complaint', { id: c.id, category: category as never, rootCause, correctiveAction: action, goodwillCents: cents ?? Number.NaN })
    setError(firstError(result))
    if (result.ok) onDone()
  }
  const rate = async () => {
    const result = await call('cases.rate', { id: c.id, satisfaction: Number(satisfaction) })
    setRateError(firstError(result))
    if (result.ok) onDone()
  }
  return (
    <section aria-label={t('case.complaint')}>
      <h2>{t('case.complaint')}</h2>
      {editable ? (
        <StepForm label={t('case.analysis')} submitLabel={t('case.saveAnalysis')} onSubmit={() => void save()} error={error}>
          <label>{t('case.category')}
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">–</option>
              {COMPLAINT_CATEGORIES.map((x) => <option key={x} value={x}>{t(`enum.complaintCategory.${x}`)}</option>)}
            </select>
          </label>
          <label>{t('case.rootCause')}<textarea rows={2} value={rootCause} onChange={(e) => setRootCause(e.target.value)} /></label>
          <label>{t('case.correctiveAction')}<textarea rows={2} value={action} onChange={(e) => setAction(e.target.value)} /></label>
          <label>{t('case.goodwill')}<input type="text" inputMode="decimal" value={goodwill} onChange={(e) => setGoodwill(e.target.value)} /></label>
        </StepForm>
      ) : (
        <dl className="details">
          <div className="details__item"><dt>{t('case.rootCause')}</dt><dd>{c.rootCause || '–'}</dd></div>
          <div className="details__item"><dt>{t('case.correctiveAction')}</dt><dd>{c.correctiveAction || '–'}</dd></div>
          <div className="details__item"><dt>{t('case.goodwill')}</dt><dd>{formatCents(c.goodwillCents, language)}</dd></div>
        </dl>
      )}
      {c.status === 'resolved' || c.status === 'closed' ? (
        <StepForm label={t('case.satisfaction')} submitLabel={t('case.saveSatisfaction')} onSubmit={() => void rate()} error={rateError}>
          <label>{t('case.satisfaction')}
            <select value={satisfaction} onChange={(e) => setSatisfaction(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {([5, 4, 3, 2, 1] as const).map((n) => <option key={n} value={n}>{t(`case.satisfactionLevel.${n}`)}</option>)}
            </select>
          </label>
          {c.satisfaction ? <p className="muted small">{t('case.satisfactionRecorded', { n: c.satisfaction })}</p> : null}
        </StepForm>
      ) : null}
    </section>
  )
}

export function WarrantyPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, date } = useI18n()
  const [decision, setDecision] = useState(c.warrantyDecision || (c.underWarranty ? 'accepted' : ''))
  const [reason, setReason] = useState(c.decisionReason)
  const [informed, setInformed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const open = isOpenCase(c.status)
  const submit = async () => {
    const result = await call('cases.warrantyDecision', { id: c.id, decision: decision as never, reason, customerInformed: informed })
    setError(firstError(result))
    if (result.ok) onDone()
  }
  return (
    <section aria-label={t('case.warranty')}>
      <h2>{t('case.warranty')}</h2>
      <p className={c.underWarranty ? 'notice' : 'notice notice--warn'} role="status">
        {c.underWarranty ? t('case.underWarranty', { date: c.assetWarrantyEnd ? date(c.assetWarrantyEnd) : '' }) : t('case.notUnderWarranty', { date: c.assetWarrantyEnd ? date(c.assetWarrantyEnd) : '–' })}
      </p>
      {c.warrantyDecision ? <p><strong>{t(`enum.warrantyDecision.${c.warrantyDecision}`)}</strong>{c.decisionReason ? ` – ${c.decisionReason}` : ''}</p> : null}
      {open ? (
        <StepForm label={t('case.decide')} submitLabel={t('case.saveDecision')} onSubmit={() => void submit()} error={error}>
          <label>{t('case.decision')}
            <select value={decision} onChange={(e) => setDecision(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {WARRANTY_DECISIONS.map((x) => <option key={x} value={x}>{t(`enum.warrantyDecision.${x}`)}</option>)}
            </select>
          </label>
          <label>{t('case.decisionReason')}<input value={reason} onChange={(e) => setReason(e.target.value)} /></label>
          <Informed value={informed} onChange={setInformed} />
        </StepForm>
      ) : null}
    </section>
  )
}

export function ReturnPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, tFromData } = useI18n()
  const [note, setNote] = useState('')
  const [informed, setInformed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const next = c.returnStatus && isOpenCase(c.status) ? RETURN_TRANSITIONS[c.returnStatus] : []
  const step = async (to: ReturnStatus) => {
    const result = await call('cases.returnStep', { id: c.id, to, note, customerInformed: informed })
    setError(firstError(result))
    if (result.ok) {
      setNote('')
      setInformed(false)
      onDone()
    }
  }
  return (
    <section aria-label={t('case.return')}>
      <h2>{t('case.return')} {c.rmaNumber}</h2>
      <p>{t('case.returnStatus')}: <Badge tone="station">{t(`enum.returnStatus.${c.returnStatus || 'requested'}`)}</Badge></p>
      <table className="data-table" aria-label={t('case.lines')}>
        <thead><tr><th>{t('case.lineName')}</th><th className="num">{t('case.lineQuantity')}</th><th>{t('case.lineReason')}</th></tr></thead>
        <tbody>{c.lines.map((l) => <tr key={l.id}><td>{l.name}</td><td className="num">{l.quantity}</td><td>{tFromData(`enum.returnReason.${l.reason}`)}</td></tr>)}</tbody>
      </table>
      {next.length > 0 ? (
        <div className="step-form">
          <label>{t('case.note')}<input value={note} onChange={(e) => setNote(e.target.value)} /></label>
          <Informed value={informed} onChange={setInformed} />
          <div className="form-actions">{next.map((s) => <button key={s} type="button" className="button button--primary" onClick={() => void step(s)}>{t(`case.returnTo.${s}`)}</button>)}</div>
          {error ? <p className="field__error" role="alert">{tFromData(error)}</p> : null}
        </div>
      ) : null}
    </section>
  )
}
