// Konsequentes Nachfassen: the reminders of every source and the tasks, overdue first; done with an outcome,
// or moved. One pair of channels for every source (worklist.complete / worklist.snooze, by the entry's source
// and id); each entry brings its own view (label, subject, detail as messages), so a new source needs nothing
// here. Filters: mine or the team's, and all / overdue / this week (kept in the address, so a link can set them).
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import { TOUCHPOINT_CHANNELS, type TouchpointChannel } from '../../../../shared/modules/customers'
import { filterWorkList, WORK_LIST_WHEN, WORK_LIST_WHO, type WorkListItem, type WorkListWhen, type WorkListWho } from '../../../../shared/modules/worklist'
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
  const list = useData('worklist.list', ownerId === null ? null : { ownerId })
  const choose = (name: 'who' | 'when', value: string) => setParams((p) => {
    const next = new URLSearchParams(p)
    next.set(name, value)
    return next
  }, { replace: true })
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
  const all = list.data
  const d = all ? filterWorkList(all, when) : undefined
  const count = (l: typeof d) => (l ? l.overdue.length + l.dueToday.length + l.upcoming.length : 0)
  const total = count(d)
  return (
    <section className="page">
      <PageHeader title={t('followUp.title')} subtitle={all ? t('followUp.summary', { overdue: number(all.overdue.length), today: number(all.dueToday.length) }) : undefined}
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
      {all && count(all) === 0 ? <EmptyState>{t('followUp.empty')}</EmptyState> : null}
      {all && count(all) > 0 && total === 0 ? <EmptyState>{t('worklist.emptyFiltered')}</EmptyState> : null}
      {d ? (
        <>
          <Section title={t('followUp.overdue')} items={d.overdue} tone="overdue" onChange={list.reload} />
          <Section title={t('followUp.today')} items={d.dueToday} tone="today" onChange={list.reload} />
          <Section title={t('followUp.upcoming')} items={d.upcoming} tone="upcoming" onChange={list.reload} />
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

function Section({ title, items, tone, onChange }: { title: string; items: WorkListItem[]; tone: string; onChange: () => void }) {
  if (items.length === 0) return null
  return (
    <section className={`worklist worklist--${tone}`} aria-label={title}>
      <h2>{title} ({items.length})</h2>
      <ul className="worklist__items">{items.map((i) => <Item key={i.id} item={i} onChange={onChange} />)}</ul>
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
        {'href' in view.subject ? <Link to={view.subject.href}>{view.subject.text}</Link> : <span className="badge">{text(view.subject.badge)}</span>}
        <Link to={`/companies/${item.companyId}`}>{item.companyName}</Link>
        <span>{item.contactName}{item.contactPhone ? ` · ${item.contactPhone}` : ''}</span>
        <span className="muted">{text(view.detail)}</span>
        <span className="muted">{item.ownerName}</span>
      </div>
      {mode === 'idle' ? (
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
