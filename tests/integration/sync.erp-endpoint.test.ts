// The sync server's endpoint for a nightly ERP export (issue 17), on SQLite and PostgreSQL: an integration key
// (hashed at rest, limited to its kinds, revocable) posts a month's figures per customer number; the laptops of
// the customer's team pull them, a laptop of another team does not. Idempotent (a re-post changes nothing, a
// retried post with its Idempotency-Key is answered again), every kind of bad input its own 4xx with nothing
// written, rate-limited. A laptop's import of the same month meets the posted row as one record.
import { afterEach, describe, expect, it } from 'vitest'
import { setCompanyRefreshHooks, type CompanyRefreshOrigin } from '../../db/modules/customers'
import { companyErpFacts, runErpImport } from '../../electron/main/modules/erp'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { erpFactId } from '../../db/modules/erp'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { createApp } from '../../server/app'
import { createIntegrationKey, listIntegrationKeys, revokeIntegrationKey } from '../../server/integrations/keys'
import { harnessPerTest, highestVersion, postgresAvailable, STORE_KINDS } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const URL = 'http://sync.test/integrations/v1/erp-facts'

afterEach(() => setCompanyRefreshHooks([]))

describe.each(STORE_KINDS)('ERP facts posted to the sync server on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  const post = (key: string | null, body: unknown, headers: Record<string, string> = {}) => server.h.fetch(URL, {
    method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
  })
  const storedFacts = async () => (await server.h.store.db.selectFrom('sync_rows').select(['id', 'version', 'data']).where('table_name', '=', 'erp_facts').orderBy('id').execute())
    .map((r) => ({ ...r, version: Number(r.version) }))

  async function twoTeams() {
    const ben = await server.client('ben') // team Nord
    const anna = await server.client('anna') // team Nord
    const carla = await server.client('carla') // team Süd
    for (const laptop of [ben, anna, carla]) await laptop.sync()
    const nord = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7' })))
    const sued = await createCompany(carla.ctx, companyFieldsSchema.parse(validCompany({ name: 'Allgäuer Käserei GmbH', customerNumber: 'K-8' })))
    await ben.sync()
    await carla.sync()
    return { ben, anna, carla, nord, sued }
  }

  it.skipIf(skip)('a post reaches the laptops of the customer’s team only; a re-post and a retried post write nothing twice', async () => {
    const { ben, anna, carla, nord, sued } = await twoTeams()
    const { key } = await createIntegrationKey(server.h.store.db, 'ERP Nacht', ['erp_facts'])
    const rows = [
      { customerNumber: 'K-7', month: '2026-10', revenueCents: 123_456, openItemsCents: 50_000, daysOverdue: 12 },
      { customerNumber: ' k-7', month: '2026-11', revenueCents: 99_00 },
    ]
    const first = await post(key, { rows }, { 'idempotency-key': 'nacht-2026-11-20' })
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ received: 2, created: 2, updated: 0, unchanged: 0 })
    const stored = await storedFacts()
    expect(stored.map((r) => r.id)).toEqual([erpFactId(nord.id, '2026-10'), erpFactId(nord.id, '2026-11')].sort())

    // Pulled ERP facts refresh their company on the laptop (the health score's hook runs), as a pulled touchpoint does.
    const refreshed: Array<[string, CompanyRefreshOrigin]> = []
    setCompanyRefreshHooks([async (_trx, ids, _now, origin) => { for (const id of ids) refreshed.push([id, origin]) }])
    await anna.sync()
    expect(refreshed).toContainEqual([nord.id, 'pulled'])
    setCompanyRefreshHooks([])
    for (const laptop of [ben, carla]) await laptop.sync()
    for (const laptop of [anna, ben]) {
      const facts = await companyErpFacts(laptop.ctx, nord.id)
      expect(facts.months).toEqual([
        { month: '2026-10', revenueCents: 123_456, openItemsCents: 50_000, daysOverdue: 12, source: 'erp' },
        { month: '2026-11', revenueCents: 9_900, openItemsCents: 0, daysOverdue: 0, source: 'erp' },
      ])
    }
    expect(await carla.ctx.db.selectFrom('erp_facts').select('id').execute()).toEqual([])
    expect((await companyErpFacts(carla.ctx, sued.id)).months).toEqual([])

    // The same post retried (its answer lost): the stored answer, nothing new; the same figures re-posted: unchanged.
    const retried = await post(key, { rows }, { 'idempotency-key': 'nacht-2026-11-20' })
    expect(await retried.json()).toEqual({ received: 2, created: 2, updated: 0, unchanged: 0, replayed: true })
    expect(await post(key, { rows: [rows[0]] }, { 'idempotency-key': 'nacht-2026-11-20' }).then((r) => r.status)).toBe(409)
    expect(await (await post(key, { rows })).json()).toEqual({ received: 2, created: 0, updated: 0, unchanged: 2 })
    expect(await storedFacts()).toEqual(stored)

    // Corrected figures update the month's row; the laptops pull the new figures.
    const corrected = await post(key, { rows: [{ ...rows[0], revenueCents: 200_000 }, { ...rows[1], openItemsCents: 1_000, daysOverdue: 3 }] })
    expect(await corrected.json()).toEqual({ received: 2, created: 0, updated: 2, unchanged: 0 })
    const after = await storedFacts()
    expect(after).toHaveLength(2)
    expect(new Set(after.map((r) => r.version)).size).toBe(2)
    expect(Math.min(...after.map((r) => r.version))).toBeGreaterThan(Math.max(...stored.map((r) => r.version)))
    await anna.sync()
    expect((await companyErpFacts(anna.ctx, nord.id)).months).toMatchObject([
      { month: '2026-10', revenueCents: 200_000, openItemsCents: 50_000 },
      { month: '2026-11', revenueCents: 9_900, openItemsCents: 1_000, daysOverdue: 3 },
    ])
  })

  it.skipIf(skip)('refuses without a key, with a wrong or revoked key, a key of another kind, bad rows and too much — nothing written', async () => {
    const { ben } = await twoTeams()
    const { key } = await createIntegrationKey(server.h.store.db, 'ERP', ['erp_facts'])
    const good = { customerNumber: 'K-7', month: '2026-11', revenueCents: 100 }
    const versionBefore = await highestVersion(server.h.store)

    expect((await post(null, { rows: [good] })).status).toBe(401)
    expect((await post(`kr_${'A'.repeat(43)}`, { rows: [good] })).status).toBe(401)
    expect((await post('Basic abc', { rows: [good] })).status).toBe(401)
    // Hashed at rest: the store holds the SHA-256, never the key.
    const stored = await server.h.store.db.selectFrom('integration_keys').selectAll().executeTakeFirstOrThrow()
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(stored)).not.toContain(key.slice(3))

    // A key of another kind (issue 19's leads) may not post ERP facts.
    await server.h.store.db.insertInto('integration_keys').values({ id: 'k-leads', name: 'Marketing', key_hash: (await import('../../server/auth/sessions')).hashToken(`kr_${'L'.repeat(43)}`), kinds: 'leads', created_at: '2026-11-20T09:00:00.000Z', revoked_at: null, last_used_at: null }).execute()
    expect((await post(`kr_${'L'.repeat(43)}`, { rows: [good] })).status).toBe(403)

    const bad = await post(key, { rows: [good, { ...good, customerNumber: 'K-404', month: '2026-10' }, { ...good, month: '11/2026' }, { ...good, month: '2026-09', revenueCents: -1 }, good] })
    expect(bad.status).toBe(422)
    const body = await bad.json() as { error: string; rows: Array<{ index: number; field: string; problem: string }> }
    expect(body.error).toBe('invalid_rows')
    expect(body.rows).toEqual([
      { index: 2, field: 'month', problem: 'errors.erpMonth' },
      { index: 3, field: 'revenueCents', problem: 'errors.notNegative' },
      { index: 4, field: 'month', problem: 'errors.erpDuplicateMonth' },
    ])
    const unknown = await post(key, { rows: [good, { ...good, customerNumber: 'K-404' }] })
    expect(unknown.status).toBe(422)
    expect(((await unknown.json()) as typeof body).rows).toEqual([{ index: 1, field: 'customerNumber', problem: 'errors.erpUnknownCustomer' }])
    expect((await post(key, '{"rows": [')).status).toBe(400)
    expect((await post(key, { rows: [] })).status).toBe(400)
    const many = Array.from({ length: 10_001 }, (_, i) => ({ ...good, month: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}` }))
    expect((await post(key, { rows: many })).status).toBe(413)
    expect((await post(key, 'x'.repeat(5 * 1024 * 1024))).status).toBe(413)

    await revokeIntegrationKey(server.h.store.db, 'ERP')
    expect((await listIntegrationKeys(server.h.store.db)).find((k) => k.name === 'ERP')?.revokedAt).toBeTruthy()
    expect((await post(key, { rows: [good] })).status).toBe(401)
    expect(await storedFacts()).toEqual([])
    expect(await highestVersion(server.h.store)).toBe(versionBefore)
    await ben.sync()
    expect(await ben.ctx.db.selectFrom('erp_facts').select('id').execute()).toEqual([])
  })

  it.skipIf(skip)('limits the posts per key and the guesses per address', async () => {
    await twoTeams()
    const app = createApp({ store: server.h.store, clock: () => server.h.clock.now, integrationLimits: { postsPerWindow: 2, windowMs: 60_000, wrongKeys: { free: 2, limits: { ...(await import('../../server/auth/rate-limit')).DEFAULT_THROTTLE } } } })
    const { key } = await createIntegrationKey(server.h.store.db, 'ERP', ['erp_facts'])
    const send = (k: string) => app.request(URL, { method: 'POST', headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' }, body: JSON.stringify({ rows: [{ customerNumber: 'K-7', month: '2026-11', revenueCents: 1 }] }) })
    expect((await send(key)).status).toBe(200)
    expect((await send(key)).status).toBe(200)
    const third = await send(key)
    expect(third.status).toBe(429)
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    server.h.clock.now = new Date(server.h.clock.now.getTime() + 61_000)
    expect((await send(key)).status).toBe(200)

    const wrong = `kr_${'W'.repeat(43)}`
    expect((await send(wrong)).status).toBe(401)
    expect((await send(wrong)).status).toBe(401)
    expect((await send(wrong)).status).toBe(429)
  })

  it.skipIf(skip)('a laptop importing a month the ERP posted meets it as one record; the later figures win', async () => {
    const { ben, anna, nord } = await twoTeams()
    const { key } = await createIntegrationKey(server.h.store.db, 'ERP', ['erp_facts'])
    // Ben imports offline, before the post reaches him; Anna has it pulled and imports after Ben.
    const csv = (revenue: string) => ({ fileName: 'erp.csv', base64: Buffer.from(`Kundennummer;Monat;Umsatz\nK-7;11/2026;${revenue}\n`).toString('base64') })
    await runErpImport(ben.ctx, csv('10,00'))
    expect((await post(key, { rows: [{ customerNumber: 'K-7', month: '2026-11', revenueCents: 2_000 }] })).status).toBe(200)
    const sync = await ben.sync()
    expect(sync.rejected).toBe(0)
    await anna.sync()
    // Ben's insert arrived after the post: his figures are the later ones, on the one row everybody has.
    for (const laptop of [ben, anna]) expect((await companyErpFacts(laptop.ctx, nord.id)).months).toMatchObject([{ month: '2026-11', revenueCents: 1_000 }])
    expect(await storedFacts()).toHaveLength(1)
    await runErpImport(anna.ctx, csv('30,00'))
    expect((await anna.sync()).rejected).toBe(0)
    await ben.sync()
    for (const laptop of [ben, anna]) {
      expect((await companyErpFacts(laptop.ctx, nord.id)).months).toMatchObject([{ month: '2026-11', revenueCents: 3_000 }])
      expect(await laptop.ctx.db.selectFrom('sync_conflicts').select('id').execute()).toEqual([])
    }
  })
})
