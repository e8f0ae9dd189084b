// The client's sync bookkeeping in `sync_state` (key → JSON value).
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { SyncUser } from '../../../../shared/modules/sync/protocol'

export interface SyncStateValues {
  client_id: string
  server_url: string
  /** The bearer token, sealed by the SecretBox (Electron safeStorage where available). */
  token: string
  user: SyncUser
  cursor: number
  bootstrapped: boolean
  last_sync_at: string
  last_error: string
  /** When the scope checksums last agreed with the server's. */
  checked_at: string
  /** Operations the server refused for good: shown to the user, never retried. */
  rejected: Array<{ table: string; rowId: string; kind: string; reason: string; at: string }>
}

type Db = Pick<Kysely<Database>, 'selectFrom' | 'insertInto' | 'deleteFrom'>

export async function readState<K extends keyof SyncStateValues>(db: Db, key: K): Promise<SyncStateValues[K] | null> {
  const row = await db.selectFrom('sync_state').select('value').where('key', '=', key).executeTakeFirst()
  if (!row) return null
  // Local bookkeeping, never synced: each value was written by writeState under the same key, from the
  // same type, so it is read back as that type (the one place that ties a key to its value's type).
  if (key === 'client_id') return row.value as SyncStateValues[K]
  return JSON.parse(row.value) as SyncStateValues[K]
}

export async function writeState<K extends keyof SyncStateValues>(db: Db, key: K, value: SyncStateValues[K]): Promise<void> {
  const text = key === 'client_id' ? String(value) : JSON.stringify(value)
  await db.insertInto('sync_state').values({ key, value: text }).onConflict((oc) => oc.column('key').doUpdateSet({ value: text })).execute()
}

export async function clearState(db: Db, keys: Array<keyof SyncStateValues>): Promise<void> {
  if (keys.length > 0) await db.deleteFrom('sync_state').where('key', 'in', keys).execute()
}

/** Seals the token at rest; Electron passes safeStorage, web mode and tests a pass-through. */
export interface SecretBox {
  seal(plain: string): string
  open(sealed: string): string
  readonly encrypted: boolean
}

export const plainSecretBox: SecretBox = { seal: (s) => s, open: (s) => s, encrypted: false }
