// The privacy audit log (migration 013): one row per export or Art. 15 information, ids and counts only.
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { AuditKind } from '../../../shared/modules/dsgvo'

export interface AuditEventTable extends SyncColumns {
  kind: AuditKind
  channel: string
  subject_id: Default<string>
  format: Default<string>
  rows: Default<number>
  at: string
  by_user: Default<string>
}
