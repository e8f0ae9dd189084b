// A laptop of the sync benches (`npm run bench:sync`): its own database, logged in over HTTP, the time spent waiting
// on the server added up; and the rep's work the benches sync: touchpoints recorded in one transaction.
import path from 'node:path'
import type { Kysely } from 'kysely'
import { openDatabase, type AppDatabase } from '../db/database'
import type { Database } from '../db/database.types'
import { newId } from '../db/platform/ids'
import { SCHEMA_VERSION } from '../db/migrations'
import { insertSynced } from '../db/platform/synced-writes'
import { httpTransport, syncOnce, type EngineDeps } from '../electron/main/modules/sync'
import { timedTransport } from './bench-sync-breakdown'

export interface Laptop {
  database: AppDatabase
  deps: EngineDeps
  /** Milliseconds spent waiting on the server (request, server work, response) since the laptop was opened. */
  waited: { ms: number }
  sync(): Promise<unknown>
}

export async function laptop(serverUrl: string, login: string, dir: string, password: string): Promise<Laptop> {
  const database = await openDatabase(path.join(dir, `${login}.sqlite`))
  const waited = { ms: 0 }
  const transport = timedTransport(httpTransport(serverUrl), waited)
  const { token } = await transport.login({ login, password, clientId: database.clientId })
  const deps: EngineDeps = { db: database.db, clientId: database.clientId, token, schemaVersion: SCHEMA_VERSION, transport, clock: () => new Date() }
  return { database, deps, waited, sync: () => syncOnce(deps) }
}

/** `n` phone calls to a company recorded now, in one transaction (they go to the outbox as `n` inserts). */
export async function recordTouchpoints(db: Kysely<Database>, companyId: string, n: number, summary = 'Nachgefasst'): Promise<void> {
  const now = new Date().toISOString()
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      await insertSynced(trx, 'touchpoints', {
        id: newId(), company_id: companyId, contact_id: null, occurred_at: now, channel: 'phone', direction: 'outbound', mode: 'direct', station: 'offer', summary: `${summary} ${i}`, created_by: '',
      }, now)
    }
  })
}
