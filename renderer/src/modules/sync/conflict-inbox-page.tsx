// The conflict inbox: both values of a field two people changed, who and when, and the choice.
import { useState } from 'react'
import type { ConflictItem, SyncProblems } from '../../../../shared/modules/sync/status'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { DuplicateNumberConflict } from './duplicate-number-conflict'

const PREFIX: Record<string, string> = { companies: 'company', contacts: 'contact', personas: 'persona', touchpoints: 'touchpoint' }
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

export function ConflictInboxPage() {
  const { t, tFromData, dateTime } = useI18n()
  const action = useAction()
  const conflicts = useData('conflicts.list', {})
  const problems = useData('sync.problems', {})
  const [error, setError] = useState<string | null>(null)

  const fieldLabel = (c: ConflictItem) => {
    const key = `${PREFIX[c.table] ?? c.table}.${camel(c.field)}`
    const label = tFromData(key)
    return label === key ? c.field : label
  }
  const show = (value: ConflictItem['serverValue']) => (value === null || value === '' ? t('sync.emptyValue') : String(value))
  const when = (iso: string) => (iso ? dateTime(iso) : '')
  const resolve = async (c: ConflictItem, choice: 'server' | 'client' | 'acknowledged') => {
    setError(null)
    const result = await action.run('conflicts.resolve', { id: c.id, choice })
    if (!result.ok) setError(tFromData(result.error.message))
    conflicts.reload()
  }

  return (
    <section className="page">
      <PageHeader title={t('conflicts.title')} subtitle={t('conflicts.subtitle')} />
      {conflicts.error ? <LoadError message={conflicts.error} /> : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {conflicts.data?.length === 0 ? <EmptyState>{t('conflicts.empty')}</EmptyState> : null}
      <ul className="conflict-list">
        {(conflicts.data ?? []).map((c) => (
          <li key={c.id} className="card conflict" aria-label={t('conflicts.itemLabel', { record: c.record || tFromData(`conflicts.table.${c.table}`), field: fieldLabel(c) })}>
            <h2>
              <span className="muted">{tFromData(`conflicts.table.${c.table}`)}:</span> {c.record || t('conflicts.recordGone')}
              {c.kind === 'field' || c.kind === 'duplicate_number' ? <> – {fieldLabel(c)}</> : null}
            </h2>
            {c.kind === 'duplicate_number' ? (
              <DuplicateNumberConflict conflict={c} busy={action.busy} onDone={() => void resolve(c, 'acknowledged')} />
            ) : c.kind === 'field' ? (
              <div className="conflict__values">
                <div className="conflict__value">
                  <h3>{t('conflicts.current')}</h3>
                  <p className="conflict__text">{show(c.serverValue)}</p>
                  <p className="muted small">{t('conflicts.by', { user: c.serverUser || '–', when: when(c.serverAt) })}</p>
                  <button type="button" className="button" disabled={action.busy} onClick={() => void resolve(c, 'server')}>{t('conflicts.keepCurrent')}</button>
                </div>
                <div className="conflict__value conflict__value--lost">
                  <h3>{t('conflicts.notApplied')}</h3>
                  <p className="conflict__text">{show(c.clientValue)}</p>
                  <p className="muted small">{t('conflicts.by', { user: c.clientUser || '–', when: when(c.clientAt) })}</p>
                  <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void resolve(c, 'client')}>{t('conflicts.useThis')}</button>
                </div>
              </div>
            ) : (
              <div className="conflict__deleted">
                <p>{c.kind === 'deleted'
                  ? t('conflicts.deletedBefore', { field: fieldLabel(c), value: show(c.clientValue), user: c.clientUser || '–', when: when(c.clientAt) })
                  : t('conflicts.deletedAfter', { field: fieldLabel(c), value: show(c.serverValue), user: c.serverUser || '–', deleter: c.clientUser || '–' })}</p>
                <button type="button" className="button" disabled={action.busy} onClick={() => void resolve(c, 'acknowledged')}>{t('conflicts.acknowledge')}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {problems.data ? <SyncProblemsList problems={problems.data} onDismissed={() => problems.reload()} /> : null}
    </section>
  )
}

/** Changes the server refused ("abgelehnt: …") and records this laptop had to set aside. */
function SyncProblemsList({ problems, onDismissed }: { problems: SyncProblems; onDismissed: () => void }) {
  const { t, tFromData, dateTime } = useI18n()
  const action = useAction()
  const [busy, setBusy] = useState(false)
  const tableLabel = (table: string) => {
    const key = `conflicts.table.${table}`
    const label = tFromData(key)
    return label === key ? table : label
  }
  const reason = (code: string, column: string) => {
    const key = `sync.reasons.${code}`
    const text = tFromData(key, { column })
    return text === key ? code : text
  }
  /** The row check's "column: reason" in words; anything else (a database error) as "could not be stored". */
  const problem = (error: string) => {
    const match = /^([a-z_,]+): (invalid|required|unknown_column)$/.exec(error)
    return match ? tFromData(`sync.quarantineReasons.${match[2]}`, { column: match[1]! }) : t('sync.quarantineReasons.other')
  }
  const dismiss = async () => {
    if (busy) return
    setBusy(true)
    await action.run('sync.dismissRejected', {})
    setBusy(false)
    onDismissed()
  }
  return (
    <>
      {problems.rejected.length > 0 ? (
        <section className="card stack-gap" aria-labelledby="sync-rejected-title">
          <h2 id="sync-rejected-title">{t('sync.rejectedTitle')}</h2>
          <p className="muted">{t('sync.rejectedIntro')}</p>
          <ul className="plain-list">
            {problems.rejected.map((r, i) => (
              <li key={`${r.rowId}-${i}`}>
                <strong>{tableLabel(r.table)}{r.record ? `: ${r.record}` : ''}</strong> – {t('sync.rejectedItem', { reason: reason(r.reason, r.column) })}
                <span className="muted small"> ({dateTime(r.at)})</span>
              </li>
            ))}
          </ul>
          <button type="button" className="button" disabled={busy} onClick={() => void dismiss()}>{t('sync.rejectedDismiss')}</button>
        </section>
      ) : null}
      {problems.quarantined.length > 0 ? (
        <section className="card stack-gap" aria-labelledby="sync-quarantine-title">
          <h2 id="sync-quarantine-title">{t('sync.quarantineTitle')}</h2>
          <p className="muted">{t('sync.quarantineIntro')}</p>
          <ul className="plain-list">
            {problems.quarantined.map((q) => (
              <li key={`${q.table}-${q.rowId}`}>
                <strong>{tableLabel(q.table)}{q.record ? `: ${q.record}` : ''}</strong>
                <span className="muted small"> – {problem(q.error)} ({dateTime(q.at)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
