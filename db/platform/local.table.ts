// Local-only tables: settings of this device and the sync bookkeeping (docs/sync.md).
import type { Generated } from 'kysely'
import type { Default, SyncColumns } from './sync-columns'

export interface AppSettingTable {
  key: string
  value: string
}

export interface SyncOutboxTable {
  client_seq: Generated<number>
  op_id: string
  table_name: string
  row_id: string
  kind: 'insert' | 'update' | 'delete'
  base_version: number | null
  /** JSON: { column: { old, new } } of the changed domain columns. */
  fields: string
  schema_version: number
  created_at: string
  attempts: Generated<number>
  last_error: string | null
}

export interface SyncStateTable {
  key: string
  value: string
}

/** A conflict the server recorded: both values, who and when. Synced; resolving it is an edit. */
export interface SyncConflictTable extends SyncColumns {
  table_name: string
  row_id: string
  field: string
  // The same list as CONFLICT_KINDS (shared/modules/sync/tables.ts); the platform does not import a module.
  kind: 'field' | 'deleted' | 'deleted_after_edit' | 'duplicate_number'
  /** JSON-encoded values, so an empty text and no value stay apart. */
  server_value: string | null
  client_value: string | null
  server_user: Default<string>
  server_at: Default<string>
  client_user: Default<string>
  client_at: Default<string>
  resolved_at: string | null
  resolved_by: string | null
  resolution: 'server' | 'client' | 'acknowledged' | null
}

/** A pulled row this laptop could not apply, set aside with the reason (local only). */
export interface SyncQuarantineTable {
  table_name: string
  row_id: string
  seq: number
  data: string | null
  error: string
  at: string
}
