// Fault injection with the real sync server as a child process: kill -9 during a push, after the
// commit but before the answer, and the app killed while applying a pull. Nothing lost, nothing twice.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/database'
import { SCHEMA_VERSION } from '../../db/migrations'
import { insertSynced } from '../../db/platform/synced-writes'
import { newId } from '../../db/platform/ids'
import { syncOnce } from '../../electron/main/modules/sync/engine'
import { httpTransport, type FetchLike } from '../../electron/main/modules/sync/transport'
import { openStore } from '../../server/store/open-store'
import { SERVER_PASSWORD, startServerProcess, type ServerProcess } from '../helpers/server-process'
import { tempDir } from '../helpers/temp-db'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function laptop(server: ServerProcess, login: string, fetchImpl?: FetchLike) {
  const file = path.join(tempDir(), `${login}.sqlite`)
  const database = await openDatabase(file)
  cleanups.push(() => database.close().catch(() => {}))
  const transport = httpTransport(server.url, fetchImpl)
  const { token } = await transport.login({ login, password: SERVER_PASSWORD, clientId: database.clientId })
  const deps = { db: database.db, clientId: database.clientId, token, schemaVersion: SCHEMA_VERSION, transport, clock: () => new Date() }
  return { file, database, deps, sync: () => syncOnce(deps) }
}

async function addCompanies(db: Awaited<ReturnType<typeof openDatabase>>['db'], count: number, prefix: string) {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) await insertSynced(trx, 'companies', { id: newId(), name: `${prefix} ${i}`, status: 'prospect' }, new Date().toISOString())
  })
}

async function serverCounts(server: ServerProcess) {
  const store = await openStore(server.storeUrl)
  try {
    const rows = await store.db.selectFrom('sync_rows').select((eb) => eb.fn.countAll().as('n')).where('table_name', '=', 'companies').executeTakeFirstOrThrow()
    const ops = await store.db.selectFrom('sync_ops').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    return { companies: Number(rows.n), ops: Number(ops.n) }
  } finally {
    await store.close()
  }
}

/** Adds the x-fault header to the first push only. */
const faultOnFirstPush = (fault: string): FetchLike => {
  let armed = true
  return (url, init) => {
    if (armed && url.includes('/sync/v1/push')) {
      armed = false
      return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-fault': fault } })
    }
    return fetch(url, init)
  }
}

describe('sync under faults (real server process)', () => {
  it('kill -9 of the server during a push loses nothing and duplicates nothing once it is back', async () => {
    const server = await startServerProcess({ faults: true })
    cleanups.push(() => server.cleanup())
    const anna = await laptop(server, 'anna', faultOnFirstPush('hang-before-commit'))
    await addCompanies(anna.database.db, 120, 'Firma')
    const pushing = anna.sync().then(() => 'done', (e: unknown) => e)
    await new Promise((r) => setTimeout(r, 800)) // the server is inside the push transaction now
    await server.kill9()
    expect(await pushing).toMatchObject({ code: 'offline' })
    expect(await anna.database.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 120 })
    await server.start()
    expect(await serverCounts(server)).toEqual({ companies: 0, ops: 0 })
    await anna.sync()
    expect(await serverCounts(server)).toEqual({ companies: 120, ops: 120 })
  })

  it('kill -9 after the commit but before the answer: the retry is recognised, nothing applies twice', async () => {
    const server = await startServerProcess({ faults: true })
    cleanups.push(() => server.cleanup())
    const anna = await laptop(server, 'anna', faultOnFirstPush('exit-after-commit'))
    await addCompanies(anna.database.db, 80, 'Firma')
    await expect(anna.sync()).rejects.toMatchObject({ code: 'offline' })
    expect(await serverCounts(server)).toEqual({ companies: 80, ops: 80 })
    await server.start()
    const summary = await anna.sync()
    expect(summary.pushed).toBe(80)
    expect(await serverCounts(server)).toEqual({ companies: 80, ops: 80 })
    expect(await anna.database.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
    const ben = await laptop(server, 'ben')
    await ben.sync()
    expect((await ben.database.db.selectFrom('companies').select('id').execute()).length).toBe(80)
  })

  it('the app killed while applying a pull keeps a consistent database and finishes on the next run', async () => {
    const server = await startServerProcess()
    cleanups.push(() => server.cleanup())
    const anna = await laptop(server, 'anna')
    await addCompanies(anna.database.db, 300, 'Firma')
    await anna.sync()
    const file = path.join(tempDir(), 'ben.sqlite')
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/sync-client-process.ts', file, server.url, 'ben', SERVER_PASSWORD, '150'], { stdio: 'ignore' })
      child.once('exit', (c, signal) => resolve(signal === 'SIGKILL' ? -9 : c))
    })
    expect(code).toBe(-9)
    const ben = await openDatabase(file)
    cleanups.push(() => ben.close())
    // The page and its cursor were one transaction: neither is there.
    expect((await ben.db.selectFrom('companies').select('id').execute()).length).toBe(0)
    expect(await ben.db.selectFrom('sync_state').select('value').where('key', '=', 'cursor').executeTakeFirst()).toBeUndefined()
    await ben.close()
    const done = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/sync-client-process.ts', file, server.url, 'ben', SERVER_PASSWORD], { stdio: 'ignore' })
      child.once('exit', (c) => resolve(c))
    })
    expect(done).toBe(0)
    const again = await openDatabase(file)
    cleanups.push(() => again.close())
    expect((await again.db.selectFrom('companies').select('id').execute()).length).toBe(300)
  })
})
