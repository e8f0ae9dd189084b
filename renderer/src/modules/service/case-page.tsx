// One case: its service-level deadlines, the next steps of its workflow (with "customer informed"),
// the type-specific part (complaint analysis and satisfaction, warranty decision, return steps), and
// the timeline of everything done.
import { useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router-dom'
import {
  CASE_TRANSITIONS, COMPLAINT_CATEGORIES, OPEN_CASE_STATUSES, PRIORITIES, RETURN_TRANSITIONS, WARRANTY_DECISIONS, type CaseStatus, type ReturnStatus,
} from '../../../../shared/modules/service/service.enums'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { appNow } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { money } from '../../lib/money'

export const caseTone = (status: string) => (status === 'resolved' || status === 'closed' ? 'good' : status === 'rejected' ? 'muted' : 'station')

type Result = { ok: true } | { ok: false; error: { message: string; fields?: Record<string, string> } }
const firstError = (r: Result) => (r.ok ? null : (Object.values(r.error.fields ?? {})[0] ?? r.error.message))

export function CasePage() {
  const { t, dateTime, date } = useI18n()
  const { id = '' } = useParams()
  const loaded = useData('cases.get', { id })
  if (loaded.error) return <LoadError message={loaded.error} />
  const c = loaded.data
  if (!c) return <p className="page muted">{t('common.loading')}</p>
  const open = (OPEN_CASE_STATUSES as readonly string[]).includes(c.status)
  const overdue = c.slaDue !== null && c.slaDue < appNow().toISOString()
  return (
    <section className="page">
      <PageHeader
        title={t('case.title', { type: t(`enum.caseType.${c.type}`), number: c.number })}
        subtitle={
          <>
            <Badge tone={caseTone(c.status)}>{t(`enum.caseStatus.${c.status}`)}</Badge>
            <Badge tone={c.priority === 'urgent' || c.priority === 'high' ? 'warn' : 'muted'}>{t(`enum.priority.${c.priority}`)}</Badge>
            <Link to={`/companies/${c.companyId}`}>{c.companyName}</Link>
            {c.contactName ? <span>· {c.contactName}</span> : null}
          </>
        }
      />
      <div className="company-layout">
        <div className="card">
          <h2>{c.subject}</h2>
          {c.description ? <p className="prewrap">{c.description}</p> : null}
          <dl className="details">
            <div className="details__item"><dt>{t('case.receivedAt')}</dt><dd>{dateTime(c.receivedAt)} · {t(`enum.caseChannel.${c.channel}`)}</dd></div>
            <div className={`details__item${open && c.status === 'new' && overdue ? ' sla--overdue' : ''}`}><dt>{t('case.acknowledgeDue')}</dt><dd>{dateTime(c.acknowledgeDue)}{c.acknowledgedAt ? ` · ${t('case.doneAt', { when: dateTime(c.acknowledgedAt) })}` : ''}</dd></div>
            <div className={`details__item${open && c.status !== 'new' && overdue ? ' sla--overdue' : ''}`}><dt>{t('case.resolveDue')}</dt><dd>{date(c.resolveDue)}{c.resolvedAt ? ` · ${t('case.doneAt', { when: dateTime(c.resolvedAt) })}` : ''}</dd></div>
            {open && overdue ? <div className="details__item sla--overdue"><dt>{t('case.sla')}</dt><dd role="status">{t('case.overdue')}</dd></div> : null}
            {c.assetName ? <div className="details__item"><dt>{t('case.asset')}</dt><dd>{c.assetName}{c.assetWarrantyEnd ? ` · ${t('asset.warrantyUntil', { date: date(c.assetWarrantyEnd) })}` : ''}</dd></div> : null}
            <div className="details__item"><dt>{t('case.owner')}</dt><dd>{c.ownerName || '–'}</dd></div>
            {c.rejectionReason ? <div className="details__item"><dt>{t('case.rejectionReason')}</dt><dd>{c.rejectionReason}</dd></div> : null}
          </dl>
          <Transitions c={c} onDone={loaded.reload} />
          {open ? <Assign c={c} onDone={loaded.reload} /> : null}
        </div>
        <div className="card">
          {c.type === 'complaint' ? <ComplaintPanel c={c} onDone={loaded.reload} /> : null}
          {c.type === 'warranty' ? <WarrantyPanel c={c} onDone={loaded.reload} /> : null}
          {c.type === 'return' ? <ReturnPanel c={c} onDone={loaded.reload} /> : null}
          <Timeline c={c} onDone={loaded.reload} />
        </div>
      </div>
    </section>
  )
}

/** A small form: what to write, whether the customer was informed, and the button. */
function StepForm({ label, children, onSubmit, submitLabel, error }: { label: string; children?: ReactNode; onSubmit: () => void; submitLabel: string; error: string | null }) {
  const { t } = useI18n()
  return (
    <form className="step-form" aria-label={label} onSubmit={(e) => { e.preventDefault(); onSubmit() }} noValidate>
      {children}
      <div className="form-actions"><button type="submit" className="button button--primary">{submitLabel}</button></div>
      {error ? <p className="field__error" role="alert">{t(error)}</p> : null}
    </form>
  )
}

function Informed({ value, onChange }: { value: boolean; onChange: (v: boolean) => void }) {
  const { t } = useI18n()
  return <label className="checkbox"><input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} /> {t('case.customerInformed')}</label>
}

function Transitions({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t } = useI18n()
  const [to, setTo] = useState<CaseStatus | null>(null)
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const [informed, setInformed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const next = CASE_TRANSITIONS[c.status].filter((s) => c.type !== 'return' || s === 'closed' || s === 'rejected')
  if (next.length === 0) return null
  const submit = async () => {
    if (!to) return
    const result = await call('cases.transition', { id: c.id, to, note, customerInformed: informed, rejectionReason: reason })
    setError(firstError(result))
    if (result.ok) {
      setTo(null)
      setNote('')
      setInformed(false)
      onDone()
    }
  }
  return (
    <div className="case-steps">
      <h3>{t('case.nextStep')}</h3>
      <div className="form-actions">
        {next.map((s) => <button key={s} type="button" className={`button${to === s ? ' button--primary' : ''}`} aria-pressed={to === s} onClick={() => { setTo(s); setError(null) }}>{t(`case.to.${s}`)}</button>)}
      </div>
      {to ? (
        <StepForm label={t(`case.to.${to}`)} submitLabel={t('case.confirmStep', { step: t(`case.to.${to}`) })} onSubmit={() => void submit()} error={error}>
          {to === 'rejected' ? <label>{t('case.rejectionReason')}<input value={reason} onChange={(e) => setReason(e.target.value)} /></label> : null}
          <label>{t('case.note')}<input value={note} onChange={(e) => setNote(e.target.value)} /></label>
          <Informed value={informed} onChange={setInformed} />
        </StepForm>
      ) : null}
    </div>
  )
}

/** Hand the case to a colleague or change its priority (the service-level deadlines follow). */
function Assign({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t } = useI18n()
  const users = useData('users.list', {})
  const [ownerId, setOwnerId] = useState(c.ownerId)
  const [priority, setPriority] = useState(c.priority)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const result = await call('cases.assign', { id: c.id, ownerId, priority })
    setError(firstError(result))
    if (result.ok) onDone()
  }
  return (
    <details className="case-assign">
      <summary>{t('case.assign')}</summary>
      <StepForm label={t('case.assign')} submitLabel={t('case.saveAssign')} onSubmit={() => void submit()} error={error}>
        <label>{t('case.owner')}
          <select value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            {(users.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
          </select>
        </label>
        <label>{t('case.priority')}
          <select value={priority} onChange={(e) => setPriority(e.target.value as typeof priority)}>
            {PRIORITIES.map((p) => <option key={p} value={p}>{t(`enum.priority.${p}`)}</option>)}
          </select>
        </label>
      </StepForm>
    </details>
  )
}

function ComplaintPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, language } = useI18n()
  const [category, setCategory] = useState(c.category)
  const [rootCause, setRootCause] = useState(c.rootCause)
  const [action, setAction] = useState(c.correctiveAction)
  const [goodwill, setGoodwill] = useState(String(c.goodwillCents / 100))
  const [satisfaction, setSatisfaction] = useState(c.satisfaction ? String(c.satisfaction) : '')
  const [error, setError] = useState<string | null>(null)
  const [rateError, setRateError] = useState<string | null>(null)
  const editable = c.status !== 'closed' && c.status !== 'rejected'
  const save = async () => {
    const result = await call('cases.complaint', { id: c.id, category: category as never, rootCause, correctiveAction: action, goodwill: Number(goodwill.replace(',', '.')) })
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
          <label>{t('case.goodwill')}<input type="number" step="0.01" min="0" value={goodwill} onChange={(e) => setGoodwill(e.target.value)} /></label>
        </StepForm>
      ) : (
        <dl className="details">
          <div className="details__item"><dt>{t('case.rootCause')}</dt><dd>{c.rootCause || '–'}</dd></div>
          <div className="details__item"><dt>{t('case.correctiveAction')}</dt><dd>{c.correctiveAction || '–'}</dd></div>
          <div className="details__item"><dt>{t('case.goodwill')}</dt><dd>{money(c.goodwillCents, language)}</dd></div>
        </dl>
      )}
      {c.status === 'resolved' || c.status === 'closed' ? (
        <StepForm label={t('case.satisfaction')} submitLabel={t('case.saveSatisfaction')} onSubmit={() => void rate()} error={rateError}>
          <label>{t('case.satisfaction')}
            <select value={satisfaction} onChange={(e) => setSatisfaction(e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {[5, 4, 3, 2, 1].map((n) => <option key={n} value={n}>{t(`case.satisfactionLevel.${n}`)}</option>)}
            </select>
          </label>
          {c.satisfaction ? <p className="muted small">{t('case.satisfactionRecorded', { n: c.satisfaction })}</p> : null}
        </StepForm>
      ) : null}
    </section>
  )
}

function WarrantyPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, date } = useI18n()
  const [decision, setDecision] = useState(c.warrantyDecision || (c.underWarranty ? 'accepted' : ''))
  const [reason, setReason] = useState(c.decisionReason)
  const [informed, setInformed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const open = (OPEN_CASE_STATUSES as readonly string[]).includes(c.status)
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

function ReturnPanel({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t } = useI18n()
  const [note, setNote] = useState('')
  const [informed, setInformed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const next = c.returnStatus && (OPEN_CASE_STATUSES as readonly string[]).includes(c.status) ? RETURN_TRANSITIONS[c.returnStatus] : []
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
        <tbody>{c.lines.map((l) => <tr key={l.id}><td>{l.name}</td><td className="num">{l.quantity}</td><td>{t(`enum.returnReason.${l.reason}`)}</td></tr>)}</tbody>
      </table>
      {next.length > 0 ? (
        <div className="step-form">
          <label>{t('case.note')}<input value={note} onChange={(e) => setNote(e.target.value)} /></label>
          <Informed value={informed} onChange={setInformed} />
          <div className="form-actions">{next.map((s) => <button key={s} type="button" className="button button--primary" onClick={() => void step(s)}>{t(`case.returnTo.${s}`)}</button>)}</div>
          {error ? <p className="field__error" role="alert">{t(error)}</p> : null}
        </div>
      ) : null}
    </section>
  )
}

function Timeline({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, dateTime } = useI18n()
  const [text, setText] = useState('')
  const [informed, setInformed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const add = async () => {
    const result = await call('cases.note', { id: c.id, text, customerInformed: informed })
    setError(firstError(result))
    if (result.ok) {
      setText('')
      setInformed(false)
      onDone()
    }
  }
  return (
    <section aria-label={t('case.timeline')}>
      <h2>{t('case.timeline')}</h2>
      <ol className="timeline" aria-label={t('case.timeline')}>
        {c.events.map((e) => (
          <li key={e.id}>
            <span className="muted small">{dateTime(e.at)}{e.byName ? ` · ${e.byName}` : ''}</span>
            <div>{e.text} {e.customerInformed ? <Badge tone="good">{t('case.informedBadge')}</Badge> : null}</div>
          </li>
        ))}
      </ol>
      <StepForm label={t('case.addNote')} submitLabel={t('case.addNote')} onSubmit={() => void add()} error={error}>
        <label>{t('case.note')}<input value={text} onChange={(e) => setText(e.target.value)} /></label>
        <Informed value={informed} onChange={setInformed} />
      </StepForm>
    </section>
  )
}
