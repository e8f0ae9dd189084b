// Columns every synced table carries (docs/sync.md); `local_seq` is a local rowid alias for FTS, never synced.
import type { ColumnType, Generated } from 'kysely'

export interface SyncColumns {
  local_seq: Generated<number>
  id: string
  created_at: string
  updated_at: string
  /** Last server sequence seen for this row; null until the server has acknowledged it. */
  server_version: number | null
  /** Tombstone: set instead of deleting, so the delete syncs and the row never comes back. */
  deleted_at: string | null
}

/** Columns maintained by SQLite itself (generated): readable, never written. */
export type ReadOnly<T> = ColumnType<T, never, never>

/**
 * A NOT NULL column with a DEFAULT in its migration: an insert may leave it out (the database fills it in),
 * an update sets it like any other. Columns that allow null are optional on insert without it (Kysely's
 * `Insertable`); every other column is required, so the compiler catches a row that lacks one.
 */
export type Default<T> = ColumnType<T, T | undefined, T>

/** The bookkeeping columns of `SyncColumns`: written by the synced-write path and the sync engine only. */
export type SyncColumnName = keyof SyncColumns

/** Columns that never travel in an outbox operation: local bookkeeping, not domain data. */
export const LOCAL_COLUMNS = ['local_seq', 'id', 'updated_at', 'server_version', 'deleted_at'] as const
