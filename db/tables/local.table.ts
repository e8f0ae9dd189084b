// Local-only tables: settings of this device and the sync bookkeeping of SYNC.md.
import type { Generated } from 'kysely'

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
