// Konsequentes Nachfassen: the reminders of every source and the tasks, overdue first; done with an outcome,
// or moved. One pair of channels for every source (worklist.complete / worklist.snooze, by the entry's source
// and id); each entry brings its own view (label, subject, detail as messages), so a new source needs nothing
// here. Filters: mine or the team's, and all / overdue / this week (kept in the address, so a link can set them),
// applied by the service; each section shows its first entries and "Weitere anzeigen" asks for more.
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import { TOUCHPOINT_CHANNELS, type TouchpointChannel } from '../../../../shared/modules/customers'
import { WORK_LIST_MAX, WORK_LIST_PAGE, WORK_LIST_WHEN, WORK_LIST_WHO, type WorkListItem, type WorkListWhen, type WorkListWho } from '../../../../shared/modules/worklist'
import type { ApprovalItem } from '../../../../shared/modules/offers'
import type { MessageRef } from '../../../../shared/platform/event-message'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { eventMessage } from '../../../../shared/i18n/event-text'
import { Badge, EmptyState, LoadError, PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { DateInput } from '../../components/form-fields'
import { useAction } from '../../lib/use-action'

export function WorkListPage() {
  const { t, number, language } = useI18n()
  const [params, setParams] = useSearchParams()
  const whoParam = params.get('who') ?? ''
  const whenParam = params.get('when') ?? ''
  const who: WorkListWho = isOneOf(WORK_LIST_WHO, whoParam) ? whoParam : 'team'
  const when: WorkListWhen = isOneOf(WORK_LIST_WHEN, whenParam) ? whenParam : 'all'
  const settings = useData('settings.get', {})
  const ownerId = who === 'mine' ? settings.data?.currentUserId ?? null : ''
  const [limit, setLimit] = useState(WORK_LIST_PAGE)
  const list = useData('worklist.list', ownerId === null ? null : { ownerId, when, limit })
  const choose = (name: 'who' | 'when', value: string) => {
    setLimit(WORK_LIST_PAGE)
    setParams((p) => {
      const next = new URLSearchParams(p)
      next.set(name, value)
      return next
    }, { replace: true })
  }
  const more = limit < WORK_LIST_MAX ? () => setLimit((l) => Math.min(WORK_LIST_MAX, l + WORK_LIST_PAGE)) : undefined
  const exportIcs = async () => {
    const result = await call('worklist.ics', { ownerId: ownerId ?? '', language })
    if (!result.ok) return
    const url = URL.createObjectURL(new Blob([result.data.content], { type: 'text/calendar' }))
    const a = document.createElement('a')
    a.href = url
    a.download = result.data.fileName
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  const d = list.data
  const total = d ? d.counts.overdue + d.counts.dueToday + d.counts.upcoming : 0
  return (
    <section className="page">
      <PageHeader title={t('followUp.title')} subtitle={d ? t('followUp.summary', { overdue: number(d.counts.overdue), today: number(d.counts.dueToday) }) : undefined}
        actions={(
          <>
            <Link className="button button--primary" to="/tasks/new">{t('worklist.newTask')}</Link>
            <button type="button" className="button" onClick={() => void exportIcs()}>{t('followUp.exportIcs')}</button>
          </>
        )} />
      <div className="toolbar">
        <Chips label={t('worklist.who')} values={WORK_LIST_WHO} value={who} text={(v) => t(`worklist.who.${v}`)} onChange={(v) => choose('who', v)} />
        <Chips label={t('worklist.when')} values={WORK_LIST_WHEN} value={when} text={(v) => t(`worklist.when.${v}`)} onChange={(v) => choose('when', v)} />
      </div>
      {list.error ? <LoadError message={list.error} /> : null}
      {d && total === 0 ? <EmptyState>{t(d.when === 'all' ? 'followUp.empty' : 'worklist.emptyFiltered')}</EmptyState> : null}
      {d ? (
        <>
          <Section title={t('followUp.overdue')} items={d.overdue} count={d.counts.overdue} tone="overdue" onChange={list.reload} onMore={more} />
          <Section title={t('followUp.today')} items={d.dueToday} count={d.counts.dueToday} tone="today" onChange={list.reload} onMore={more} />
          <Section title={t('followUp.upcoming')} items={d.upcoming} count={d.counts.upcoming} tone="upcoming" onChange={list.reload} onMore={more} />
        </>
      ) : null}
    </section>
  )
}

/** A labelled group of toggle buttons, one of them pressed: a filter with few choices, all in view. */
function Chips<V extends string>({ label, values, value, text, onChange }: { label: string; values: readonly V[]; value: V; text(v: V): string; onChange(v: V): void }) {
  return (
    <div className="inline-row" role="group" aria-label={label}>
      <span className="muted small">{label}</span>
      {values.map((v) => (
        <button key={v} type="button" className={`button button--small${v === value ? ' button--primary' : ''}`} aria-pressed={v === value} onClick={() => onChange(v)}>{text(v)}</button>
      ))}
    </div>
  )
}

function Section({ title, items, count, tone, onChange, onMore }: { title: string; items: WorkListItem[]; count: number; tone: string; onChange: () => void; onMore?: () => void }) {
  const { t, number } = useI18n()
  if (count === 0) return null
  return (
    <section className={`worklist worklist--${tone}`} aria-label={title}>
      <h2>{title} ({number(count)})</h2>
      <ul className="worklist__items">{items.map((i) => <Item key={i.id} item={i} onChange={onChange} />)}</ul>
      {items.length < count ? (
        <p className="inline-row">
          <span className="muted small">{t('worklist.shown', { shown: number(items.length), count: number(count) })}</span>
          {onMore ? <button type="button" className="button button--small" onClick={onMore}>{t('worklist.more')}</button> : null}
        </p>
      ) : null}
    </section>
  )
}

function Item({ item, onChange }: { item: WorkListItem; onChange: () => void }) {
  const { t, tFromData, date, language, enumLabel } = useI18n()
  const text = (m: MessageRef) => eventMessage(language, m.key, m.params)
  const { view } = item
  const [mode, setMode] = useState<'idle' | 'done' | 'snooze'>('idle')
  const [channel, setChannel] = useState<TouchpointChannel>('phone')
  const [outcome, setOutcome] = useState('')
  const [until, setUntil] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { run, busy } = useAction()
  const submit = async () => {
    setError(null)
    const ref = { source: item.source, id: item.id }
    const result = await (mode === 'done' ? run('worklist.complete', { ...ref, channel, outcome }) : run('worklist.snooze', { ...ref, until }))
    if (result.ok) onChange()
    else setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message)
  }
  return (
    <li className={`card worklist__item worklist__item--${item.source}`} aria-label={text(view.label)}>
      <div className="worklist__head">
        <strong>{date(item.dueDate)}{item.source === 'task' && item.dueTime ? ` · ${item.dueTime}` : ''}</strong>
        {item.source === 'task' && item.priority === 'high' ? <Badge tone="warn">{enumLabel('priority', 'high')}</Badge> : null}
        {'href' in view.subject ? <Link to={view.subject.href}>{view.subject.textRef ? text(view.subject.textRef) : view.subject.text}</Link> : <span className="badge">{text(view.subject.badge)}</span>}
        {item.companyId ? <Link to={`/companies/${item.companyId}`}>{item.companyName}</Link> : <span>{item.companyName}</span>}
        <span>{item.contactName}{item.contactPhone ? ` · ${item.contactPhone}` : ''}</span>
        <span className="muted">{text(view.detail)}</span>
        <span className="muted">{item.ownerName}</span>
      </div>
      {item.source === 'approval' ? <ApprovalActions item={item} onChange={onChange} /> : item.source === 'lead' ? (
        <div className="form-actions"><Link className="button button--primary" to="/leads">{t('leadReport.workListOpen')}</Link></div>
      ) : mode === 'idle' ? (
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={() => setMode('done')}>{t('followUp.complete')}</button>
          <button type="button" className="button button--ghost" onClick={() => setMode('snooze')}>{t('followUp.snooze')}</button>
        </div>
      ) : (
        <div className="worklist__form">
          {mode === 'done' ? (
            <>
              <label>{t('touchpoint.channel')}
                <select value={channel} onChange={(e) => setChannel(TOUCHPOINT_CHANNELS.find((c) => c === e.target.value) ?? 'phone')}>{TOUCHPOINT_CHANNELS.map((c) => <option key={c} value={c}>{t(`enum.channel.${c}`)}</option>)}</select>
              </label>
              <label className="grow">{t('followUp.outcome')}<input value={outcome} onChange={(e) => setOutcome(e.target.value)} /></label>
            </>
          ) : (
            <DateInput label={t('followUp.until')} value={until} onChange={setUntil} />
          )}
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void submit()}>{busy ? t('common.saving') : t('common.save')}</button>
          <button type="button" className="button button--ghost" onClick={() => setMode('idle')}>{t('common.cancel')}</button>
          {error ? <p className="field__error" role="alert">{tFromData(error)}</p> : null}
        </div>
      )}
    </li>
  )
}

/** A discount approval: decided on the offer's page; a decision its requester takes note of (issue 18). */
function ApprovalActions({ item, onChange }: { item: ApprovalItem; onChange: () => void }) {
  const { t, tFromData } = useI18n()
  const { run, busy } = useAction()
  const [error, setError] = useState<string | null>(null)
  const noted = async () => {
    const result = await run('approvals.acknowledge', { id: item.id })
    if (result.ok) onChange()
    else setError(result.error.message)
  }
  return (
    <div className="form-actions">
      <Link className="button button--primary" to={`/offers/${item.offerId}`}>{t('approval.worklist.open')}</Link>
      {item.kind === 'approvalDecided' ? <button type="button" className="button button--ghost" disabled={busy} onClick={() => void noted()}>{t('approval.worklist.seen')}</button> : null}
      {error ? <p className="field__error" role="alert">{tFromData(error)}</p> : null}
    </div>
  )
}
