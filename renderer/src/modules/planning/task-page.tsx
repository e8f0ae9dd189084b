// One task (Aufgabe): what, for whom, when and how it repeats; done with a channel and an outcome (a touchpoint
// on the customer's timeline, and a repeating task's next one), changed, or cancelled.
import { useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { TOUCHPOINT_CHANNELS, type TouchpointChannel } from '../../../../shared/modules/customers'
import type { Task } from '../../../../shared/modules/planning'
import { fetchData } from '../../lib/api'
import { Badge, LoadError, PageHeader, type Tone } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'
import { eventMessage } from '../../../../shared/i18n/event-text'
import { PriorityBadge, recordHref, TaskRepeatLine } from './task-parts'

const STATUS_TONE: Record<Task['status'], Tone> = { open: 'warn', done: 'good', cancelled: 'muted' }

export function TaskPage() {
  const { id = '' } = useParams()
  const { t, tFromData, enumLabel, date, dateTime, taskTitle, language } = useI18n()
  const task = useData('tasks.get', { id })
  const { run, busy } = useAction()
  const navigate = useNavigate()
  const [completing, setCompleting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  if (task.error) return <section className="page"><LoadError message={task.error} /></section>
  const d = task.data
  if (!d) return null

  const cancel = async () => {
    if (!window.confirm(t('task.confirmCancel', { title: taskTitle(d) }))) return
    setError(null)
    const result = await run('tasks.cancel', { id: d.id })
    if (result.ok) task.reload()
    else setError(result.error.message)
  }
  return (
    <section className="page">
      <PageHeader title={taskTitle(d)} subtitle={<Link to={`/companies/${d.companyId}`}>{d.companyName}</Link>}
        actions={d.status === 'open' ? (
          <>
            <button type="button" className="button button--primary" onClick={() => setCompleting(true)}>{t('task.complete')}</button>
            <Link className="button" to={`/tasks/${d.id}/edit`}>{t('task.edit')}</Link>
            <button type="button" className="button button--ghost" disabled={busy} onClick={() => void cancel()}>{t('task.cancel')}</button>
          </>
        ) : null} />
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      {completing && d.status === 'open' ? (
        <CompleteForm task={d} onCancel={() => setCompleting(false)} onDone={(next) => {
          setCompleting(false)
          setNotice(next ? t('task.nextCreated', { date: date(next) }) : null)
          task.reload()
        }} />
      ) : null}
      <div className="card">
        <dl className="details">
          <Item label={t('task.status')}><Badge tone={STATUS_TONE[d.status]}>{enumLabel('taskStatus', d.status)}</Badge></Item>
          <Item label={t('task.field.dueDate')}>{date(d.dueDate)}{d.dueTime ? ` · ${d.dueTime}` : ''}</Item>
          <Item label={t('task.field.priority')}><PriorityBadge priority={d.priority} /></Item>
          <Item label={t('task.field.owner')}>{d.ownerName || '–'}</Item>
          {d.contactName ? <Item label={t('task.field.contact')}>{d.contactName}</Item> : null}
          {d.relatedType ? <Item label={t('task.field.related')}><Link to={recordHref(d.relatedType, d.relatedId)}>{t(`task.related.${d.relatedType}`, { label: d.relatedLabel })}</Link></Item> : null}
          {d.recurrence !== 'none' ? <Item label={t('task.field.recurrence')}><TaskRepeatLine task={d} /></Item> : null}
          {d.noteRef ? <Item label={t('task.field.warning')}>{eventMessage(language, d.noteRef.key, d.noteRef.params)}</Item> : null}
          {d.notes ? <Item label={t('task.field.notes')}><span className="prewrap">{d.notes}</span></Item> : null}
          {d.doneAt && d.status === 'done' ? <Item label={t('task.outcome')}><span className="prewrap">{t('task.doneOn', { date: dateTime(d.doneAt) })}: {d.outcome}</span></Item> : null}
        </dl>
        <p className="muted small">
          {t('task.createdBy', { name: d.createdByName || '–', date: date(d.createdAt) })}
          {d.sourceTouchpointId ? ` · ${t('task.fromTouchpoint')}` : ''}
        </p>
      </div>
      <p><button type="button" className="button button--ghost" onClick={() => navigate(`/companies/${d.companyId}`)}>{t('task.toTimeline')}</button></p>
    </section>
  )
}

function CompleteForm({ task, onCancel, onDone }: { task: Task; onCancel(): void; onDone(nextDueDate: string | null): void }) {
  const { t, tFromData, enumLabel, taskTitle } = useI18n()
  const { run, busy } = useAction()
  const [channel, setChannel] = useState<TouchpointChannel>('phone')
  const [outcome, setOutcome] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    setError(null)
    const result = await run('tasks.complete', { id: task.id, channel, outcome })
    if (!result.ok) return setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message)
    // A repeating task: the next one of its series, if there is one, is now open.
    const next = task.recurrence !== 'none' ? await nextOf(task) : null
    onDone(next)
  }
  const nextOf = async (done: Task): Promise<string | null> => {
    const open = await fetchData('tasks.list', { companyId: done.companyId, status: 'open' })
    return open.find((o) => (o.seriesId || o.id) === (done.seriesId || done.id) && o.occurrence > done.occurrence)?.dueDate ?? null
  }
  return (
    <form className="card worklist__form" aria-label={t('task.completeOf', { title: taskTitle(task) })} onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <label>{t('touchpoint.channel')}
        <select value={channel} onChange={(e) => setChannel(TOUCHPOINT_CHANNELS.find((c) => c === e.target.value) ?? 'phone')}>
          {TOUCHPOINT_CHANNELS.map((c) => <option key={c} value={c}>{enumLabel('channel', c)}</option>)}
        </select>
      </label>
      <label className="grow">{t('task.outcome')}<input value={outcome} onChange={(e) => setOutcome(e.target.value)} maxLength={2000} /></label>
      <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('common.save')}</button>
      <button type="button" className="button button--ghost" onClick={onCancel}>{t('common.cancel')}</button>
      {error ? <p className="field__error" role="alert">{tFromData(error)}</p> : null}
    </form>
  )
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return <div className="details__item"><dt>{label}</dt><dd>{children}</dd></div>
}
