// Two sync server processes on one PostgreSQL schema behind a real HAProxy (round-robin, no sticky
// sessions): two laptops whose requests land on both instances — a login on one, the push on the other —
// change things offline, sync and converge, with nothing lost and nothing doubled (docs/sync.md).
import { afterEach, describe, expect, it } from 'vitest'
import { createCompany, updateCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { httpTransport, type FetchLike } from '../../electron/main/modules/sync/transport'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { haproxyAvailable, INSTANCE_HEADER, startLoadBalancer } from '../helpers/load-balancer'
import { startServerProcess } from '../helpers/server-process'
import { connectClient, openTestStore, postgresAvailable, type TestClient, type TestStore } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
const lbOk = haproxyAvailable()
if (process.env.CI && (!pgOk || !lbOk)) throw new Error('PostgreSQL (127.0.0.1:5432) and haproxy are required in CI for the load-balancer test')

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const fields = (o: Record<string, unknown>) => companyFieldsSchema.parse(validCompany({ customerNumber: '', ...o }))

/** Which instance served each request of one laptop, as the balancer says. */
function recordingFetch(served: string[]): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, init)
    served.push(response.headers.get(INSTANCE_HEADER) ?? 'none')
    return response
  }
}

/**
 * Sends every push twice: through the balancer, then the same request straight to the other instance (the
 * answer of the second kept), as a retry after a lost answer may land anywhere.
 */
function pushTwice(inner: FetchLike, instances: Record<string, string>, pushes: Array<[string, string]>): FetchLike {
  return async (url, init) => {
    if (!url.includes('/sync/v1/push')) return inner(url, init)
    const first = await inner(url, init)
    await first.arrayBuffer()
    const firstBy = first.headers.get(INSTANCE_HEADER) ?? 'none'
    const other = Object.keys(instances).find((name) => name !== firstBy)!
    const target = new URL(url)
    const second = await fetch(instances[other] + target.pathname + target.search, init)
    pushes.push([firstBy, other])
    return second
  }
}

async function rows(c: TestClient) {
  const companies = await c.ctx.db.selectFrom('companies').select(['id', 'name', 'city', 'notes', 'deleted_at']).orderBy('id').execute()
  const contacts = await c.ctx.db.selectFrom('contacts').select(['id', 'company_id', 'last_name']).orderBy('id').execute()
  return { companies, contacts }
}

async function serverRows(store: TestStore) {
  const all = await store.store.db.selectFrom('sync_rows').select(['table_name', 'id']).where('table_name', 'in', ['companies', 'contacts']).orderBy('id').execute()
  return {
    companies: all.filter((r) => r.table_name === 'companies').map((r) => r.id),
    contacts: all.filter((r) => r.table_name === 'contacts').map((r) => r.id),
  }
}

describe.skipIf(!pgOk || !lbOk)('two sync server instances behind HAProxy on one PostgreSQL database', () => {
  it('two laptops served by both instances change things offline and converge: nothing lost, nothing doubled', async () => {
    const store = await openTestStore('postgres')
    cleanups.push(() => store.cleanup())
    const first = await startServerProcess({ storeUrl: store.url })
    cleanups.push(() => first.cleanup())
    // The accounts are in the shared store already: the second instance seeds nothing.
    const second = await startServerProcess({ storeUrl: store.url, users: [] })
    cleanups.push(() => second.cleanup())
    const lb = await startLoadBalancer([first.url, second.url])
    cleanups.push(() => lb.stop())

    const served: Record<'anna' | 'ben', string[]> = { anna: [], ben: [] }
    const duplicatedPushes: Array<[string, string]> = []
    const clock = { now: new Date() }
    const anna = await connectClient({ transport: httpTransport(lb.url, pushTwice(recordingFetch(served.anna), { i0: first.url, i1: second.url }, duplicatedPushes)), clock }, 'anna')
    const ben = await connectClient({ transport: httpTransport(lb.url, recordingFetch(served.ben)), clock }, 'ben')
    cleanups.push(() => anna.cleanup(), () => ben.cleanup())

    const outbox = async (c: TestClient) => Number((await c.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    // A company both hold.
    const shared = await createCompany(anna.ctx, fields({ name: 'Brunsviga GmbH', city: 'Braunschweig' }))
    let operations = await outbox(anna)
    await anna.sync()
    await ben.sync()
    expect((await rows(ben)).companies.map((c) => c.id)).toEqual([shared.id])

    // Offline on both: new companies and contacts, and different fields of the shared company.
    for (let i = 0; i < 6; i++) {
      const a = await createCompany(anna.ctx, fields({ name: `Anna Firma ${i}`, city: 'Hannover' }))
      await createContact(anna.ctx, contactFieldsSchema.parse({ companyId: a.id, salutation: 'mr', firstName: 'Jörg', lastName: `Anna ${i}`, language: 'de', buyingRole: 'decision_maker' }))
      const b = await createCompany(ben.ctx, fields({ name: `Ben Firma ${i}`, city: 'Celle' }))
      await createContact(ben.ctx, contactFieldsSchema.parse({ companyId: b.id, salutation: 'ms', firstName: 'Jana', lastName: `Ben ${i}`, language: 'de', buyingRole: 'user' }))
    }
    await updateCompany(anna.ctx, shared.id, fields({ name: 'Brunsviga GmbH', city: 'Wolfsburg' }))
    await updateCompany(ben.ctx, shared.id, fields({ name: 'Brunsviga GmbH', city: 'Braunschweig', notes: 'Rückruf Montag' }))

    operations += (await outbox(anna)) + (await outbox(ben))
    // Both come online at the same moment, then once more to pull what the other pushed.
    await Promise.all([anna.sync(), ben.sync()])
    await Promise.all([anna.sync(), ben.sync()])
    await anna.sync()
    await ben.sync()

    const [onAnna, onBen, onServer] = [await rows(anna), await rows(ben), await serverRows(store)]
    expect(onAnna).toEqual(onBen)
    expect(onAnna.companies).toHaveLength(13)
    expect(onAnna.contacts).toHaveLength(12)
    expect(new Set(onAnna.companies.map((c) => c.name)).size).toBe(13)
    expect(onAnna.companies.find((c) => c.id === shared.id)).toMatchObject({ city: 'Wolfsburg', notes: 'Rückruf Montag' })
    expect(onServer).toEqual({ companies: onAnna.companies.map((c) => c.id), contacts: onAnna.contacts.map((c) => c.id) })
    for (const c of [anna, ben]) {
      expect(await c.ctx.db.selectFrom('sync_conflicts').selectAll().execute()).toEqual([])
      expect(await c.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
    }
    // Every operation stored once although each of Anna's pushes reached the server twice.
    const ops = await store.store.db.selectFrom('sync_ops').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(Number(ops.n)).toBe(operations)
    expect(operations).toBeGreaterThanOrEqual(1 + 2 * 13)

    // Both instances served each laptop, and each duplicated push reached both instances.
    for (const login of ['anna', 'ben'] as const) expect(new Set(served[login])).toEqual(new Set(['i0', 'i1']))
    expect(duplicatedPushes.length).toBeGreaterThanOrEqual(2)
    expect(new Set(duplicatedPushes.map(([by]) => by)).size).toBeGreaterThanOrEqual(1)
  })

  it('40 laptops of 4 teams push at the same moment through both instances, then everyone pulls: every change once, in its team only', async () => {
    const teams = ['Nord', 'Süd', 'West', 'Ost']
    const reps = Array.from({ length: 40 }, (_, i) => ({ login: `rep${i}`, name: `Rep ${i}`, role: 'field_sales' as const, team: `Vertrieb ${teams[i % 4]}` }))
    const store = await openTestStore('postgres')
    cleanups.push(() => store.cleanup())
    const first = await startServerProcess({ storeUrl: store.url, users: [...reps, { login: 'max', name: 'Max Leitner', role: 'manager' }] })
    cleanups.push(() => first.cleanup())
    const second = await startServerProcess({ storeUrl: store.url, users: [] })
    cleanups.push(() => second.cleanup())
    const lb = await startLoadBalancer([first.url, second.url])
    cleanups.push(() => lb.stop())

    const served: string[] = []
    const clock = { now: new Date() }
    const transport = httpTransport(lb.url, recordingFetch(served))
    const laptops = await Promise.all(reps.map((r) => connectClient({ transport, clock }, r.login)))
    const manager = await connectClient({ transport, clock }, 'max')
    cleanups.push(...[...laptops, manager].map((c) => () => c.cleanup()))
    const perLaptop = 5
    for (const [i, laptop] of laptops.entries()) {
      for (let k = 0; k < perLaptop; k++) await createCompany(laptop.ctx, fields({ name: `${reps[i]!.team} rep${i} Firma ${k}` }))
    }

    // All at once: 40 pushes (and pulls) spread over both instances, while the manager pulls again and again.
    // A row committed after a later-numbered one would be skipped by the manager's cursor and stay missing.
    let pushing = true
    const pulls = (async () => {
      let n = 0
      while (pushing || n === 0) {
        await manager.sync()
        n += 1
      }
      return n
    })()
    await Promise.all(laptops.map((l) => l.sync())).finally(() => (pushing = false))
    expect(await pulls).toBeGreaterThan(0)
    await Promise.all([...laptops, manager].map((l) => l.sync()))

    const names = async (c: TestClient) => (await c.ctx.db.selectFrom('companies').select('name').orderBy('name').execute()).map((r) => r.name)
    const all = reps.flatMap((r, i) => Array.from({ length: perLaptop }, (_, k) => `${r.team} rep${i} Firma ${k}`)).sort()
    for (const [i, laptop] of laptops.entries()) {
      expect(await laptop.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
      expect(await names(laptop)).toEqual(all.filter((n) => n.startsWith(`${reps[i]!.team} `)))
    }
    expect(await names(manager)).toEqual(all)
    const onServer = await store.store.db.selectFrom('sync_rows').select(['id', 'version']).where('table_name', '=', 'companies').execute()
    expect(onServer).toHaveLength(reps.length * perLaptop)
    expect(new Set(onServer.map((r) => r.version)).size).toBe(onServer.length)
    expect(new Set(served)).toEqual(new Set(['i0', 'i1']))
    expect(served.filter((s) => s === 'i0').length).toBeGreaterThan(served.length / 4)
    expect(served.filter((s) => s === 'i1').length).toBeGreaterThan(served.length / 4)
  }, 120_000)
})
