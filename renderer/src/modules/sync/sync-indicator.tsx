// The sync line in the header: connected or not, last sync, pending changes, conflicts, errors.
import { Link } from 'react-router-dom'
import type { SyncStatus } from '../../../../shared/modules/sync/status'
import { useI18n } from '../../lib/i18n'

export function SyncProgress({ status }: { status: SyncStatus }) {
  const { t, number } = useI18n()
  const p = status.progress
  if (!p) return null
  if (p.total) {
    return (
      <span className="sync-progress">
        <progress max={p.total} value={Math.min(p.done, p.total)} aria-label={t('sync.progressLabel')} />
        <span>{t('sync.progressOf', { done: number(Math.min(p.done, p.total)), total: number(p.total) })}</span>
      </span>
    )
  }
  return <span className="sync-progress">{t(`sync.phase.${p.phase}`)}</span>
}

export function SyncIndicator({ status }: { status: SyncStatus | null }) {
  const { t, dateTime, number } = useI18n()
  if (!status) return null
  const tone = status.state === 'error' ? 'sync--error' : status.state === 'disconnected' ? 'sync--off' : 'sync--ok'
  return (
    <div className={`sync ${tone}`} role="status" aria-label={t('sync.statusLabel')}>
      <span className="sync__dot" aria-hidden="true" />
      <Link to="/settings#sync" className="sync__text">
        {status.state === 'disconnected' ? t('sync.notConnected')
          : status.state === 'syncing' ? t('sync.syncing')
          : status.state === 'error' ? t('sync.failedShort')
          : status.lastSyncAt ? t('sync.lastSync', { when: dateTime(status.lastSyncAt) }) : t('sync.neverSynced')}
      </Link>
      <SyncProgress status={status} />
      {status.pending > 0 ? <span className="sync__pending">{t('sync.pendingShort', { count: number(status.pending) })}</span> : null}
      {status.openConflicts > 0 ? <Link to="/conflicts" className="sync__conflicts">{t('sync.conflictsShort', { count: status.openConflicts })}</Link> : null}
      {status.rejected > 0 ? <Link to="/conflicts" className="sync__conflicts">{t('sync.rejectedShort', { count: number(status.rejected) })}</Link> : null}
      {status.quarantined > 0 ? <Link to="/conflicts" className="sync__conflicts">{t('sync.quarantinedShort', { count: number(status.quarantined) })}</Link> : null}
    </div>
  )
}
