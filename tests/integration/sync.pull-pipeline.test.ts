// The laptop asks for the next page while it writes the one it has (engine.ts, pullAll): the server's reading and
// sending and the laptop's writing overlap. A page that fails to apply must still leave the cursor at the last page
// written, and the answer asked for ahead of it must not surface as an unhandled rejection.
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type AppDatabase } from '../../db/database'
import { SCHEMA_VERSION } from '../../db/migrations'
import { emptySyncSummary as summary, pullAll, type EngineDeps } from '../../electron/main/modules/sync/engine'
import type { SyncTransport } from '../../electron/main/modules/sync/transport'
import type { PullResponse } from '../../shared/modules/sync/protocol'
import { deferredIndexNames, deferIndexes } from '../../db/platform/deferred-indexes'
import { tempDir } from '../helpers/temp-db'

const company = (n: number) => ({ seq: n, table: 'companies', id: `c-${String(n).padStart(4, '0')}`, op: 'upsert' as const, data: { name: `Firma ${n}`, status: 'prospect' } })

/** Three pages of two companies each; `failing` pages are answered with an error. */
function scriptedTransport(events: string[], failing: Set<number> = new Set(), onAsk?: (index: number) => Promise<void>): SyncTransport {
  const pages: PullResponse[] = [0, 1, 2].map((p) => ({ changes: [company(p * 2 + 1), company(p * 2 + 2)], cursor: p * 2 + 2, hasMore: p < 2, reset: false }))
  const unused = () => Promise.reject(new Error('not used here'))
  const pull: SyncTransport['pull'] = async (_token, _version, query) => {
    const index = query.cursor / 2
    events.push(`ask ${index}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await onAsk?.(index)
    if (failing.has(index)) throw new Error(`page ${index} lost`)
    return pages[index]!
  }
  return { login: unused, push: unused, checksum: unused, pull } as unknown as SyncTransport
}

const opened: AppDatabase[] = []
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close()
})

async function laptop(transport: SyncTransport, afterChange?: (index: number) => void): Promise<{ database: AppDatabase; deps: EngineDeps }> {
  const database = await openDatabase(path.join(tempDir(), 'laptop.sqlite'))
  opened.push(database)
  return { database, deps: { db: database.db, clientId: database.clientId, token: 't'.repeat(30), schemaVersion: SCHEMA_VERSION, transport, clock: () => new Date('2026-12-02T09:00:00Z'), afterChange } }
}

const touchpointIndexes = async (database: AppDatabase) => (await database.db.selectFrom('sqlite_master' as never).select('name' as never)
  .where('type' as never, '=', 'index' as never).where('tbl_name' as never, '=', 'touchpoints' as never).orderBy('name' as never).execute() as Array<{ name: string }>).map((r) => r.name)

const cursorOf = async (database: AppDatabase) => (await database.db.selectFrom('sync_state').select('value').where('key', '=', 'cursor').executeTakeFirst())?.value

describe('pipelined pull', () => {
  it('asks for the next page before it writes the current one, and writes every page once in order', async () => {
    const events: string[] = []
    let page = 0
    const { database, deps } = await laptop(scriptedTransport(events), (i) => {
      if (i === 0) events.push(`write ${page++}`)
    })
    const run = summary()
    await pullAll(deps, run)
    expect(events).toEqual(['ask 0', 'ask 1', 'write 0', 'ask 2', 'write 1', 'write 2'])
    expect(run.pulled).toBe(6)
    expect((await database.db.selectFrom('companies').select('name').orderBy('name').execute()).map((r) => r.name)).toEqual(['Firma 1', 'Firma 2', 'Firma 3', 'Firma 4', 'Firma 5', 'Firma 6'])
    expect(await cursorOf(database)).toBe('6')
  })

  it('a page that fails to apply keeps the last written cursor; the answer already asked for is dropped quietly', async () => {
    const events: string[] = []
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      let page = 0
      // Page 1 fails while it is written; page 2, asked for meanwhile, fails on the way (offline).
      const { database, deps } = await laptop(scriptedTransport(events, new Set([2])), (i) => {
        if (i === 0) page++
        if (page === 2 && i === 1) throw new Error('disk full')
      })
      await expect(pullAll(deps, summary())).rejects.toThrow('disk full')
      await new Promise((resolve) => setTimeout(resolve, 30)) // the dropped answer settles
      expect(events).toEqual(['ask 0', 'ask 1', 'ask 2'])
      expect(unhandled).toEqual([])
      expect(await cursorOf(database)).toBe('2')
      // The touchpoints' indexes, deferred for the download, are back until the next run resumes it.
      expect(await deferredIndexNames(database.db)).toEqual([])
      expect(await touchpointIndexes(database)).toContain('touchpoints_company')
      expect((await database.db.selectFrom('companies').select('name').orderBy('name').execute()).map((r) => r.name)).toEqual(['Firma 1', 'Firma 2'])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('a first download writes the touchpoints without their secondary indexes and builds them at its end; lists answer meanwhile', async () => {
    const fresh = await laptop(scriptedTransport([]))
    const full = await touchpointIndexes(fresh.database)
    expect(full).toEqual(expect.arrayContaining(['touchpoints_company', 'touchpoints_contact', 'touchpoints_occurred_at', 'touchpoints_station']))
    const during: Array<{ deferred: string[]; indexes: string[]; companies: number }> = []
    const ref: { database?: AppDatabase } = {}
    const transport = scriptedTransport([], new Set(), async (index) => {
      const database = ref.database
      if (index !== 2 || !database) return
      // Asked for while page 1 is written: once it is, the app's own queries run between the pages.
      during.push({
        deferred: await deferredIndexNames(database.db), indexes: await touchpointIndexes(database),
        companies: (await database.db.selectFrom('companies').select('id').where('name', 'like', 'Firma%').execute()).length,
      })
    })
    const { database, deps } = await laptop(transport)
    ref.database = database
    await pullAll(deps, summary())
    expect(during).toHaveLength(1)
    expect(during[0]!.deferred.sort()).toEqual(full.filter((n) => !n.startsWith('sqlite_autoindex')).sort())
    expect(during[0]!.indexes.every((n) => n.startsWith('sqlite_autoindex'))).toBe(true)
    expect(during[0]!.companies).toBeGreaterThanOrEqual(2)
    expect(await touchpointIndexes(database)).toEqual(full)
    expect(await deferredIndexNames(database.db)).toEqual([])
  })

  it('indexes left deferred by an app that stopped mid-download are built again when the database is opened', async () => {
    const file = path.join(tempDir(), 'stopped.sqlite')
    const first = await openDatabase(file)
    const full = await touchpointIndexes(first)
    expect(await deferIndexes(first.db)).toBeGreaterThan(0)
    expect(await touchpointIndexes(first)).not.toEqual(full)
    await first.close()
    const again = await openDatabase(file)
    opened.push(again)
    expect(await touchpointIndexes(again)).toEqual(full)
    expect(await deferredIndexNames(again.db)).toEqual([])
  })
})
