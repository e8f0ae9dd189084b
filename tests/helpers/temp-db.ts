// A fresh database file per test, with a service context whose clock the test controls.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase, type AppDatabase } from '../../db/database'
import type { ServiceContext } from '../../electron/main/platform/context'
import { ensureCurrentUser } from '../../electron/main/modules/settings/settings.service'
import type { AppContext } from '../../electron/main/ipc/handler-types'
import { SyncController } from '../../electron/main/modules/sync/controller'
import { completeLetterProfile } from './letter-profile'
import { dispatch } from '../../electron/main/ipc/dispatch'

export interface TestDb {
  dir: string
  file: string
  database: AppDatabase
  ctx: ServiceContext
  app: AppContext
  setNow(iso: string): void
  cleanup(): Promise<void>
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'kundenreise-test-'))
}

/** A fresh database; its letter profile is complete (offers can be sent) unless `fresh`. */
export async function openTestDb(options: { fresh?: boolean } = {}): Promise<TestDb> {
  const dir = tempDir()
  const file = path.join(dir, 'test.sqlite')
  const database = await openDatabase(file)
  let now = new Date('2026-11-20T09:00:00.000Z')
  const ctx: ServiceContext = { db: database.db, clock: () => now, userId: '', userName: '' }
  await ensureCurrentUser(ctx)
  if (!options.fresh) await completeLetterProfile(ctx)
  return {
    dir,
    file,
    database,
    ctx,
    app: { ctx, sync: new SyncController({ ctx, clientId: database.clientId }), env: { version: 'test', mode: 'web', databasePath: file, clientId: database.clientId, integrity: 'ok', database: 'real' } },
    setNow: (iso) => {
      now = new Date(iso)
    },
    cleanup: async () => {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Rows in a table and in the outbox: what a test compares before and after a write. */
export async function counts(db: AppDatabase['db'], table: 'companies' | 'contacts' | 'personas' | 'touchpoints') {
  const rows = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const ops = await db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return { rows: Number(rows.n), outbox: Number(ops.n) }
}

export const validCompany = (overrides: Record<string, unknown> = {}) => ({
  name: 'Brunsviga Maschinenbau GmbH',
  customerNumber: 'K-10001',
  street: 'Hauptstraße 1',
  postalCode: '38100',
  city: 'Braunschweig',
  federalState: 'NI',
  industry: 'Maschinenbau',
  segment: 'mid_market',
  status: 'prospect',
  ownerId: '',
  leadSource: 'referral',
  notes: '',
  ...overrides,
})

/**
 * `must(channel, input)`: dispatches on the app `app()` answers (a test's app is made in beforeAll) and
 * returns the data, or throws with the channel and the error — for set-ups and checks that must succeed.
 */
export function mustOf(app: () => AppContext) {
  return async <T>(channel: Parameters<typeof dispatch>[1], input: unknown = {}): Promise<T> => {
    const answer = await dispatch(app(), channel, input)
    if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
    return answer.data as T
  }
}
