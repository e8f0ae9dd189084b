// How the long lists read their first page (issue 20): from an index in the sort's order, stopping after the page,
// instead of reading and sorting every match — checked on SQLite's query plans of the statements the services send,
// and the two ways a company list can be read (look the matches up, or walk the sort's index) give the same rows.
import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listCompanies } from '../../electron/main/modules/customers/company.service'
import { listContacts } from '../../electron/main/modules/customers/contact.service'
import { listTouchpoints } from '../../electron/main/modules/customers/touchpoint.service'
import { contactListQuerySchema } from '../../shared/modules/customers/contact.schema'
import { touchpointListQuerySchema } from '../../shared/modules/customers/touchpoint.schema'
import { listOffers } from '../../electron/main/modules/offers/offer.service'
import { promiseCounts, promiseItems } from '../../electron/main/modules/offers/promise-items'
import { followUpItems } from '../../electron/main/modules/offers/follow-up.service'
import { taskCounts, taskItems } from '../../electron/main/modules/planning/task-items'
import { renewalReminders } from '../../electron/main/modules/contracts/renewal.service'
import type { ServiceContext } from '../../electron/main/platform/context'
import { companyListQuerySchema } from '../../shared/modules/customers/company.schema'
import { offerListQuerySchema } from '../../shared/modules/offers/offer.schema'
import { mustOf, openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
const must = mustOf(() => t.app)
const STATIONS = ['offer', 'contract', 'usage'] as const

beforeAll(async () => {
  t = await openTestDb()
  const cities = ['Hannover', 'Braunschweig', 'Ulm', 'Kassel', 'Bremen', 'Goslar']
  for (let i = 0; i < 36; i++) {
    await must('companies.create', validCompany({ name: `Firma ${String.fromCharCode(65 + (i * 7) % 26)}${i} GmbH`, customerNumber: `K-${i}`, city: cities[i % cities.length] }))
  }
  // The journey station is the customers module's derived table; set here as the journey would have: the test is about the list.
  const ids = (await t.ctx.db.selectFrom('companies').select('id').orderBy('local_seq').execute()).map((c) => c.id)
  for (const [i, id] of ids.entries()) await t.ctx.db.updateTable('company_journey').set({ station: STATIONS[i % 3]! }).where('company_id', '=', id).execute()
})
afterAll(async () => t.cleanup())

/** The services' statements, as SQLite will run them (SQL and parameters). */
function recording(ctx: ServiceContext) {
  const statements: Array<{ sql: string; parameters: readonly unknown[] }> = []
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(ctx.db.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId))
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, statements }
}

async function planOf(statement: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  const rows = await t.ctx.db.executeQuery<{ detail: string }>({ ...sql.raw(`explain query plan ${statement.sql}`).compile(t.ctx.db), parameters: statement.parameters })
  return rows.rows.map((r) => r.detail).join('\n')
}

const companies = (ctx: ServiceContext, q: Record<string, unknown>, countAhead?: number) =>
  listCompanies(ctx, companyListQuerySchema.parse(q) as Parameters<typeof listCompanies>[1], countAhead)

describe('first pages from the sort\'s index', () => {
  it('reads the newest open offers from their own index in date order, without sorting them', async () => {
    const { ctx, statements } = recording(t.ctx)
    await listOffers(ctx, offerListQuerySchema.parse({ status: 'open', limit: 100 }) as Parameters<typeof listOffers>[1])
    const page = statements.find((s) => /order by/i.test(s.sql))!
    const plan = await planOf(page)
    expect(plan).toContain('offers_undecided_by_date')
    expect(plan).not.toContain('TEMP B-TREE')
  })

  it('reads a work-list section\'s first tasks, promises and offer follow-ups from their open index in the list\'s order, without sorting a day', async () => {
    const lists = [[taskItems, 'tasks_open_due', 'tasks_open_all_due'], [promiseItems, 'promises_open_due', 'promises_open_all_due'], [followUpItems, 'follow_up_queue_owner_day', 'follow_up_queue_day']] as const
    for (const [list, ownerIndex, allIndex] of lists) {
      for (const ownerId of ['', 'u-anna']) {
        for (const range of [{ from: '', to: '2026-11-30' }, { from: '2026-12-01', to: '2026-12-01' }]) {
          const { ctx, statements } = recording(t.ctx)
          await list(ctx, { ownerId, ...range, limit: 50 })
          const plan = await planOf(statements[0]!)
          expect(plan, `${allIndex} ${ownerId} ${range.from}`).toContain(ownerId ? ownerIndex : allIndex)
          expect(plan, `${allIndex} ${ownerId} ${range.from}`).not.toMatch(/TEMP B-TREE/)
          // The page's row numbers come from the index alone (migrations 040, 042): only the page's rows are read.
          expect(plan, `${allIndex} ${ownerId} ${range.from}`).toContain(`COVERING INDEX ${ownerId ? ownerIndex : allIndex}`)
        }
      }
    }
  })

  it('counts open tasks and promises of a span from their roll-ups per owner and day, not from their rows (migration 043)', async () => {
    for (const [count, table] of [[taskCounts, 'tasks'], [promiseCounts, 'promises']] as const) {
      for (const ownerId of ['', 'u-anna']) {
        const { ctx, statements } = recording(t.ctx)
        await count(ctx, { ownerId, from: '', to: '2026-12-31', today: '2026-12-01' })
        const plan = await planOf(statements[0]!)
        expect(statements[0]!.sql).toContain(`"${table}_day_counts"`)
        expect(plan).toMatch(/^(SCAN d|SEARCH d USING PRIMARY KEY \(owner_id=\?[^)]*\))$/)
      }
    }
  })

  it('reads a page of offer follow-ups from the queue\'s index pages alone, joining only the owner\'s name (migration 040)', async () => {
    for (const ownerId of ['', 'u-anna']) {
      const { ctx, statements } = recording(t.ctx)
      await followUpItems(ctx, { ownerId, from: '', to: '2026-11-30', limit: 50 })
      const plan = await planOf(statements[0]!)
      expect(plan).toMatch(ownerId ? /COVERING INDEX follow_up_queue_owner_day/ : /COVERING INDEX follow_up_queue_day/)
      expect(plan).not.toMatch(/\b(offers|companies|contacts|follow_ups)\b/)
    }
  })

  it('reads a page of renewal reminders from the reminder\'s index in the list\'s order, without sorting or reading contracts (migration 041)', async () => {
    for (const ownerId of ['', 'u-anna']) {
      const { ctx, statements } = recording(t.ctx)
      await renewalReminders(ctx, { ownerId, from: '2026-12-01', to: '2026-12-31', limit: 50 })
      // Per kind: the page as its own statement (compiled for the subquery), then the statement run with the names joined.
      expect(statements).toHaveLength(4)
      for (const [i, kind] of ['review', 'final'].entries()) {
        const page = await planOf(statements[2 * i]!)
        const index = `COVERING INDEX contracts_${kind}_${ownerId ? 'owner_' : ''}due`
        expect(page).toContain(index)
        expect(page).not.toMatch(/TEMP B-TREE/)
        const run = await planOf(statements[2 * i + 1]!)
        expect(run).toContain(index)
        expect(run.split('\n').filter((line) => /\bk\b/.test(line) && !line.includes('COVERING INDEX'))).toEqual([])
      }
    }
  })

  it('walks the companies in city order when a station has many matches, and looks few matches up', async () => {
    const many = recording(t.ctx)
    const walked = await companies(many.ctx, { station: 'offer', sort: 'city', limit: 5 }, 1)
    expect(walked.totalIsLowerBound).toBe(true)
    const walkPlan = await planOf(many.statements.find((s) => /order by/i.test(s.sql))!)
    expect(walkPlan).toContain('companies_city')
    expect(walkPlan).not.toContain('TEMP B-TREE')

    const few = recording(t.ctx)
    const looked = await companies(few.ctx, { station: 'offer', sort: 'city', limit: 5 })
    expect(looked).toMatchObject({ total: 12, totalIsLowerBound: false })
    expect(await planOf(few.statements.find((s) => /order by/i.test(s.sql))!)).toContain('company_journey_station')
    expect(walked.rows.map((r) => r.id)).toEqual(looked.rows.map((r) => r.id))
  })

  it('counts a search from its full-text index, and walks the sort\'s index for a page of many matches', async () => {
    // With a filter that has its own index (status), the count still starts from the full-text index: asked once per
    // company instead, it took seconds on the large set.
    const filtered = recording(t.ctx)
    await companies(filtered.ctx, { search: 'firma', status: 'prospect', sort: 'city', limit: 5 }, 1)
    expect(await planOf(filtered.statements[0]!)).toMatch(/^(CO-ROUTINE \S+\n)?SCAN f VIRTUAL TABLE/)

    const many = recording(t.ctx)
    const walked = await companies(many.ctx, { search: 'firma', sort: 'city', limit: 5 }, 1)
    expect(walked.totalIsLowerBound).toBe(true)
    const pagePlan = await planOf(many.statements[1]!)
    expect(pagePlan).toContain('companies_city')
    expect(pagePlan).not.toContain('USE TEMP B-TREE FOR ORDER BY')
    const looked = await companies(t.ctx, { search: 'firma', sort: 'city', limit: 5 })
    expect(looked.totalIsLowerBound).toBe(false)
    expect(walked.rows.map((r) => r.id)).toEqual(looked.rows.map((r) => r.id))
  })

  it('gives the same pages either way, in both directions, for stations and health lights', async () => {
    const ids = (await t.ctx.db.selectFrom('companies').select('id').orderBy('local_seq').execute()).map((c) => c.id)
    for (const [i, id] of ids.entries()) {
      await t.ctx.db.insertInto('company_health').values({
        company_id: id, score: (i * 37) % 100, light: i % 4 === 0 ? 'red' : 'green', reasons: '[]', components: '{}', computed_at: '2026-11-20T09:00:00.000Z',
      }).onConflict((oc) => oc.column('company_id').doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), light: eb.ref('excluded.light') }))).execute()
    }
    for (const q of [
      { station: 'contract', sort: 'name', dir: 'desc' }, { station: 'usage', sort: 'city', dir: 'asc' }, { health: 'green', sort: 'name' },
      { health: 'red', sort: 'customerNumber', dir: 'desc' }, { station: 'offer', health: 'green', sort: 'status' }, { station: 'none', sort: 'name' },
      { search: 'gmbh', sort: 'name', dir: 'desc' }, { search: 'firma', station: 'usage', health: 'green', sort: 'city' },
    ]) {
      for (const offset of [0, 4]) {
        const walked = await companies(t.ctx, { ...q, offset, limit: 4 }, 0)
        const looked = await companies(t.ctx, { ...q, offset, limit: 4 })
        expect(walked.rows.map((r) => r.name), JSON.stringify(q)).toEqual(looked.rows.map((r) => r.name))
      }
    }
  })

  it('gives the same search pages either way for contacts and touchpoints', async () => {
    const ids = (await t.ctx.db.selectFrom('companies').select('id').orderBy('local_seq').limit(6).execute()).map((c) => c.id)
    for (let i = 0; i < 12; i++) {
      const companyId = ids[i % ids.length]!
      await must('contacts.create', { companyId, salutation: 'none', language: 'de', firstName: `Eva${i}`, lastName: `Berger-${(i * 5) % 12}` })
      await must('touchpoints.create', {
        companyId, channel: 'phone', direction: 'inbound', mode: 'direct', station: i % 2 ? 'offer' : 'usage',
        summary: `Reklamation Nr. ${i}`, occurredAt: `2026-11-${String(1 + ((i * 7) % 12)).padStart(2, '0')}T09:00:00.000Z`,
      })
    }
    for (const q of [{ search: 'berger', sort: 'lastName' }, { search: 'berger', sort: 'updatedAt', dir: 'desc' }, { search: 'berger', sort: 'companyName' }]) {
      const page = (countAhead?: number) => listContacts(t.ctx, contactListQuerySchema.parse({ ...q, offset: 3, limit: 4 }) as Parameters<typeof listContacts>[1], countAhead)
      expect((await page(0)).rows.map((r) => r.id), JSON.stringify(q)).toEqual((await page()).rows.map((r) => r.id))
    }
    for (const q of [{ search: 'reklamation' }, { search: 'reklamation', station: 'offer', dir: 'asc' }, { search: 'reklamation', sort: 'channel' }]) {
      const page = (countAhead?: number) => listTouchpoints(t.ctx, touchpointListQuerySchema.parse({ ...q, offset: 1, limit: 3 }) as Parameters<typeof listTouchpoints>[1], countAhead)
      const walked = await page(0)
      expect(walked.totalIsLowerBound).toBe(true)
      expect(walked.rows.map((r) => r.id), JSON.stringify(q)).toEqual((await page()).rows.map((r) => r.id))
    }
  })

  it('gives the same offer search pages either way', async () => {
    const companyIds = (await t.ctx.db.selectFrom('companies').select('id').orderBy('local_seq').limit(5).execute()).map((c) => c.id)
    const item = { productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }
    for (let i = 0; i < 10; i++) {
      await must('offers.create', {
        companyId: companyIds[i % companyIds.length]!, offerDate: `2026-11-${String(1 + ((i * 3) % 10)).padStart(2, '0')}`, validUntil: '2026-12-19', offerDiscountPercent: 0,
        paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, deliveryTerms: 'frei Haus', introduction: '', benefits: '', items: [{ ...item, quantity: i + 1 }],
      })
    }
    for (const q of [{ search: 'firma' }, { search: 'firma', sort: 'grossCents', dir: 'asc' }, { search: 'firma', status: 'open' }]) {
      const page = (countAhead?: number) => listOffers(t.ctx, offerListQuerySchema.parse({ ...q, offset: 2, limit: 3 }) as Parameters<typeof listOffers>[1], countAhead)
      const walked = await page(0)
      expect(walked.totalIsLowerBound).toBe(true)
      expect(walked.rows.map((r) => r.id), JSON.stringify(q)).toEqual((await page()).rows.map((r) => r.id))
    }
  })
})
