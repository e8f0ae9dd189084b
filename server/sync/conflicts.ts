// Writing a conflict record: a row of the synced table `sync_conflicts`, which only the server writes
// (clients may only settle it). It takes the scope of the record it is about and hangs off its company,
// so whoever sees the record sees the conflict (docs/sync.md, "Conflicts are a synced table").
import type { Kysely } from 'kysely'
import { newId } from '../../db/platform/ids'
import type { ConflictKind, SyncValue } from '../../shared/modules/sync'
import type { ServerDatabase } from '../store/schema'

/** Who wrote a column last: [seq, clientId, userId, changedAt, userName]. */
export type FieldVersion = [number, string, string, string, string]

/** The stored row a conflict is about. */
export interface ConflictSubject {
  table_name: string
  id: string
  scope_id: string
  parent_id: string | null
}

export interface ConflictRecord {
  field: string
  kind: ConflictKind
  /** What the server keeps. */
  serverValue: SyncValue
  /** What was pushed and not applied. */
  clientValue: SyncValue
  serverUser: string
  serverAt: string
  clientUser: string
  clientAt: string
}

/** Inserts the conflict record as version `seq`, every column written by `writer`. */
export async function insertConflict(
  db: Kysely<ServerDatabase>, seq: number, subject: ConflictSubject, record: ConflictRecord, writer: FieldVersion, now: string, updatedBy: string,
): Promise<void> {
  const data: Record<string, SyncValue> = {
    created_at: now,
    table_name: subject.table_name,
    row_id: subject.id,
    field: record.field,
    kind: record.kind,
    server_value: JSON.stringify(record.serverValue),
    client_value: JSON.stringify(record.clientValue),
    server_user: record.serverUser,
    server_at: record.serverAt,
    client_user: record.clientUser,
    client_at: record.clientAt,
    resolved_at: null,
    resolved_by: null,
    resolution: null,
  }
  const versions: Record<string, FieldVersion> = {}
  for (const column of Object.keys(data)) versions[column] = writer
  await db.insertInto('sync_rows').values({
    table_name: 'sync_conflicts', id: newId(), scope_id: subject.scope_id, parent_id: subject.table_name === 'companies' ? subject.id : subject.parent_id,
    version: seq, deleted: 0, data: JSON.stringify(data), field_versions: JSON.stringify(versions), created_seq: seq, updated_by: updatedBy,
  }).execute()
}
