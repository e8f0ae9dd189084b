// One case: its service-level deadlines, the next steps of its workflow (with "customer informed"),
// the type-specific part (complaint analysis and satisfaction, warranty decision, return steps), and
// the timeline of everything done.
import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { CASE_TRANSITIONS, PRIORITIES, isOpenCase, isOverdueCase, type CaseStatus } from '../../../../shared/modules/service/service.enums'
import type { ServiceCase } from '../../../../shared/modules/service/service.types'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { StatusBadge } from '../../components/status-badge'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { eventLine } from '../../../../shared/i18n/event-text'
import { appNow } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { ComplaintPanel, ReturnPanel, WarrantyPanel } from './case-panels'
import { Informed, StepForm, firstError } from './case-steps'

export function CasePage() {
  const { t, dateTime, date } = useI18n()
  const { id = '' } = useParams()
  const loaded = useData('cases.get', { id })
  if (loaded.error) return <LoadError message={loaded.error} />
  const c = loaded.data
  if (!c) return <p className="page muted">{t('common.loading')}</p>
  const open = isOpenCase(c.status)
  const overdue = isOverdueCase(c, appNow().toISOString())
  return (
    <section className="page">
      <PageHeader
        title={t('case.title', { type: t(`enum.caseType.${c.type}`), number: c.number })}
        subtitle={
          <>
            <StatusBadge list="caseStatus" value={c.status} />
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
            <div className={`details__item${c.status === 'new' && overdue ? ' sla--overdue' : ''}`}><dt>{t('case.acknowledgeDue')}</dt><dd>{dateTime(c.acknowledgeDue)}{c.acknowledgedAt ? ` · ${t('case.doneAt', { when: dateTime(c.acknowledgedAt) })}` : ''}</dd></div>
            <div className={`details__item${c.status !== 'new' && overdue ? ' sla--overdue' : ''}`}><dt>{t('case.resolveDue')}</dt><dd>{date(c.resolveDue)}{c.resolvedAt ? ` · ${t('case.doneAt', { when: dateTime(c.resolvedAt) })}` : ''}</dd></div>
            {overdue ? <div className="details__item sla--overdue"><dt>{t('case.sla')}</dt><dd role="status">{t('case.overdue')}</dd></div> : null}
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
function Timeline({ c, onDone }: { c: ServiceCase; onDone: () => void }) {
  const { t, dateTime, language } = useI18n()
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
            <div>{eventLine(language, e)} {e.customerInformed ? <Badge tone="good">{t('case.informedBadge')}</Badge> : null}</div>
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
