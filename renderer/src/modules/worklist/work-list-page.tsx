// Konsequentes Nachfassen: the reminders of every source, overdue first; done with an outcome, or moved.
// One pair of channels for every source (worklist.complete / worklist.snooze, by the entry's source and id);
// each entry brings its own view (label, subject, detail as messages), so a new source needs nothing here.
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { TOUCHPOINT_CHANNELS, type TouchpointChannel } from '../../../../shared/modules/customers'
import type { WorkItemBase } from '../../../../shared/platform/work-item'
import type { MessageRef } from '../../../../shared/platform/event-message'
import { eventMessage } from '../../../../shared/i18n/event-text'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { OwnerFilter } from '../../components/filters'
import { DateInput } from '../../components/form-fields'
import { useAction } from '../../lib/use-action'

export function WorkListPage() {
  const { t, number, language } = useI18n()
  const [ownerId, setOwnerId] = useState('')
  const list = useData('worklist.list', { ownerId })
  const exportIcs = async () => {
    const result = await call('worklist.ics', { ownerId, language })
    if (!result.ok) return
    const url = URL.createObjectURL(new Blob([result.data.content], { type: 'text/calendar' }))
    const a = document.createElement('a')
    a.href = url
    a.download = result.data.fileName
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  const d = list.data
  const total = d ? d.overdue.length + d.dueToday.length + d.upcoming.length : 0
  return (
    <section className="page">
      <PageHeader title={t('followUp.title')} subtitle={d ? t('followUp.summary', { overdue: number(d.overdue.length), today: number(d.dueToday.length) }) : undefined}
        actions={<button type="button" className="button" onClick={() => void exportIcs()}>{t('followUp.exportIcs')}</button>} />
      <div className="toolbar">
        <OwnerFilter value={ownerId} onChange={setOwnerId} />
      </div>
      {list.error ? <LoadError message={list.error} /> : null}
      {d && total === 0 ? <EmptyState>{t('followUp.empty')}</EmptyState> : null}
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

function Section({ title, items, tone, onChange }: { title: string; items: WorkItemBase[]; tone: string; onChange: () => void }) {
  if (items.length === 0) return null
  return (
    <section className={`worklist worklist--${tone}`} aria-label={title}>
      <h2>{title} ({items.length})</h2>
      <ul className="worklist__items">{items.map((i) => <Item key={i.id} item={i} onChange={onChange} />)}</ul>
    </section>
  )
}

function Item({ item, onChange }: { item: WorkItemBase; onChange: () => void }) {
  const { t, tFromData, date, language } = useI18n()
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
        <strong>{date(item.dueDate)}</strong>
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
