// Writers of one server instance wait in the instance's memory, at most six at a time on pool connections
// (server/sync/sequence.ts, withWriterSlot): while another process holds the writers' lock exclusively, a queue of
// pushes must not take every connection from this instance's pulls.
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../db/migrations'
import { newId } from '../../db/platform/ids'
import { WRITERS_LOCK_KEY } from '../../server/sync/sequence'
import { harnessPerTest, PASSWORD, postgresAvailable } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const NOW = '2026-11-20T09:00:00.000Z'
const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not answered within ${ms} ms`)), ms))])

describe('the writers of one instance queue in memory', () => {
  const server = harnessPerTest('postgres', !pgOk)

  it.skipIf(!pgOk)('a pull is answered while 15 pushes wait for a lock another instance holds, and every push applies afterwards', async () => {
    const { transport, url, store } = server.h
    const reader = await server.client('ben')
    await reader.sync()
    // 15 devices of one rep, each with its own session, each with one new company.
    const devices: Array<{ clientId: string; token: string }> = []
    for (let i = 0; i < 15; i++) {
      const clientId = crypto.randomUUID()
      devices.push({ clientId, token: (await transport.login({ login: 'anna', password: PASSWORD, clientId })).token })
    }
    const other = new pg.Client({ connectionString: url })
    await other.connect()
    let pushes: Promise<unknown>[] = []
    try {
      await other.query('BEGIN')
      await other.query(`SELECT pg_advisory_xact_lock(${WRITERS_LOCK_KEY})`)
      pushes = devices.map((d, i) => transport.push(d.token, SCHEMA_VERSION, {
        clientId: d.clientId, schemaVersion: SCHEMA_VERSION,
        ops: [{
          opId: crypto.randomUUID(), clientSeq: 1, table: 'companies', rowId: newId(), kind: 'insert', baseVersion: null, schemaVersion: SCHEMA_VERSION, createdAt: NOW,
          fields: { created_at: { old: null, new: NOW }, name: { old: null, new: `Gerät ${i} GmbH` }, status: { old: null, new: 'prospect' } },
        }],
      }))
      await new Promise((resolve) => setTimeout(resolve, 300)) // the pushes are queued now
      const page = await within(5_000, transport.pull(reader.deps.token, SCHEMA_VERSION, { clientId: reader.deps.clientId, cursor: 0, limit: 100, bootstrap: false, withRemaining: false }))
      expect(page.reset).toBe(false)
    } finally {
      await other.query('COMMIT')
      await other.end()
    }
    const results = await Promise.all(pushes) as Array<{ results: Array<{ status: string }> }>
    expect(results.flatMap((r) => r.results.map((x) => x.status))).toEqual(Array(15).fill('applied'))
    const companies = await store.db.selectFrom('sync_rows').select(['version']).where('table_name', '=', 'companies').execute()
    expect(companies).toHaveLength(15)
    expect(new Set(companies.map((c) => c.version)).size).toBe(15)
  })
})
