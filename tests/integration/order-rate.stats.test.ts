// The order-rate report reads whole months from a trigger-kept roll-up: whatever happens to offers
// and companies, it must equal a count over the offers themselves.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deleteSynced, updateSynced } from '../../db/platform/synced-writes'
import { loadDemoData, DEMO_SIZES } from '../../electron/main/modules/demo/demo-data.service'
import { orderRateReport } from '../../electron/main/modules/offers/order-rate.service'
import { splitRange } from '../../electron/main/platform/periods'
import { openTestDb, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-22T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

/** The same figures counted directly, in code, from every offer. */
async function bruteForce(from: string, to: string) {
  const offers = await t.ctx.db.selectFrom('offers as o').leftJoin('companies as c', 'c.id', 'o.company_id')
    .select(['o.status', 'o.closed_at', 'o.gross_cents', 'o.order_value_cents', 'o.conversation_id', 'c.segment', 'o.lost_reason', 'o.deleted_at']).execute()
  const decided = offers.filter((o) => o.deleted_at === null && o.closed_at !== null && ['won', 'lost', 'expired'].includes(o.status) && o.closed_at >= from && o.closed_at < `${to}T99`)
  const value = (o: (typeof decided)[number]) => (o.status === 'won' ? (o.order_value_cents ?? o.gross_cents) : o.gross_cents)
  const segments = new Map<string, number>()
  for (const o of decided) segments.set(o.segment ?? '', (segments.get(o.segment ?? '') ?? 0) + 1)
  return {
    decided: decided.length,
    won: decided.filter((o) => o.status === 'won').length,
    decidedValue: decided.reduce((sum, o) => sum + value(o), 0),
    withConversation: decided.filter((o) => o.conversation_id !== null).length,
    segments: Object.fromEntries([...segments].sort()),
  }
}

async function expectSame(from: string, to: string) {
  const report = await orderRateReport(t.ctx, { from, to, period: 'quarter', ownerId: '', segment: '' })
  const truth = await bruteForce(from, to)
  expect({
    decided: report.total.decided, won: report.total.won, decidedValue: report.total.decidedValueCents, withConversation: report.withConversation.decided,
    segments: Object.fromEntries(report.bySegment.map((r) => [r.key, r.decided]).sort()),
  }, `${from} – ${to}`).toEqual(truth)
}

describe('order-rate roll-up', () => {
  it('splits a range into whole months and partial edges', () => {
    expect(splitRange('2026-01-01', '2026-11-22')).toEqual({ months: ['2026-01', '2026-10'], days: [['2026-11-01', '2026-11-22']] })
    expect(splitRange('2025-03-15', '2026-02-28')).toEqual({ months: ['2025-04', '2026-02'], days: [['2025-03-15', '2025-03-31']] })
    expect(splitRange('2026-11-03', '2026-11-20')).toEqual({ months: null, days: [['2026-11-03', '2026-11-20']] })
    expect(splitRange('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], days: [] })
  })

  it('equals a direct count, before and after offers and companies change', async () => {
    await loadDemoData(t.ctx, DEMO_SIZES.small)
    const ranges: Array<[string, string]> = [['2024-01-01', '2026-11-22'], ['2025-03-15', '2026-02-28'], ['2026-11-03', '2026-11-20'], ['2025-01-01', '2025-12-31']]
    for (const [from, to] of ranges) await expectSame(from, to)

    const now = '2026-11-22T09:00:00.000Z'
    const decided = await t.ctx.db.selectFrom('offers').select(['id', 'company_id', 'status']).where('status', 'in', ['won', 'lost']).limit(6).execute()
    const company = await t.ctx.db.selectFrom('companies').select(['id', 'segment']).where('id', '=', decided[0]!.company_id).executeTakeFirstOrThrow()
    await t.ctx.db.transaction().execute(async (trx) => {
      await updateSynced(trx, 'companies', company.id, { segment: company.segment === 'enterprise' ? 'small_business' : 'enterprise' }, now)
      await updateSynced(trx, 'offers', decided[1]!.id, { status: 'lost', lost_reason: 'price', order_value_cents: null }, now)
      await updateSynced(trx, 'offers', decided[2]!.id, { gross_cents: 123456 }, now)
      await deleteSynced(trx, 'offers', decided[3]!.id, now)
      await updateSynced(trx, 'offers', decided[4]!.id, { closed_at: '2026-11-10T10:00:00.000Z' }, now)
    })
    for (const [from, to] of ranges) await expectSame(from, to)
    // A pulled page removes a company and its offers (eviction): the roll-up follows.
    // As an applied eviction does it: foreign keys off, the company first, then what hangs off it.
    const gone = decided[5]!.company_id
    await sql`PRAGMA foreign_keys = OFF`.execute(t.ctx.db)
    await t.ctx.db.deleteFrom('company_journey').where('company_id', '=', gone).execute()
    await t.ctx.db.deleteFrom('companies').where('id', '=', gone).execute()
    await t.ctx.db.deleteFrom('offers').where('company_id', '=', gone).execute()
    await sql`PRAGMA foreign_keys = ON`.execute(t.ctx.db)
    for (const [from, to] of ranges) await expectSame(from, to)
  })
})
