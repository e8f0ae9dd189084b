// The renewal-rate report reads a trigger-kept roll-up (renewal_stats and renewal_day_stats, migration 037): whatever
// happens to contracts — written by the services or applied by a pull, in any order — it must equal the report as
// it was computed before, from every decided contract's terms log and the JS cancel-by date, for every range.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cancelBySql, statements } from '../../db/migrations/2026-12-01-037-renewal-stats'
import { renewalReport } from '../../electron/main/modules/contracts/renewal.service'
import { periodOf, type Period } from '../../electron/main/platform/periods'
import { addMonths, cancelBy, NOTICE_UNITS, type NoticeUnit } from '../../shared/modules/contracts/contract.dates'
import { RENEWAL_DECIDED_STATUSES, type ChurnReason } from '../../shared/modules/contracts/contract.enums'
import { addCalendarDays } from '../../shared/platform/calendar/calendar-days'
import type { RenewalRateRow } from '../../shared/modules/contracts/contract.types'
import { openTestDb, type TestDb } from '../helpers/temp-db'
import { seededRandom } from '../helpers/seeded-random'
import { refill } from '../helpers/roll-up'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  // As an applied pull writes: contracts may arrive before their company and owner.
  await sql`PRAGMA foreign_keys = OFF`.execute(t.ctx.db)
  for (const [id, name] of [['u-anna', 'Anna Berger'], ['u-jonas', 'Jonas Weber']]) {
    await t.ctx.db.insertInto('users').values({ id: id!, display_name: name!, email: `${id}@example.de`, role: 'sales', team_id: '' }).onConflict((oc) => oc.doNothing()).execute()
  }
})
afterEach(async () => t.cleanup())

const NOW = '2026-11-22T09:00:00.000Z'
let seq = 0
const nextId = () => `k-${String(++seq).padStart(6, '0')}`

interface Fields {
  owner_id: string
  status: (typeof RENEWAL_DECIDED_STATUSES)[number] | 'active'
  terms_log: string
  notice_value: number
  notice_unit: NoticeUnit
  cancel_by: string
  cancellation_received_on: string | null
  churn_reason: ChurnReason | ''
  annual_value_cents: number
  deleted_at: string | null
}

/** A terms log of `n` terms of `months` months from `start`. */
function log(start: string, months: number, n: number): string {
  const terms = []
  let from = start
  for (let i = 0; i < n; i++) {
    const end = addCalendarDays(addMonths(from, months), -1)
    terms.push({ start: from, end, via: i === 0 ? 'start' : 'tacit' })
    from = addCalendarDays(end, 1)
  }
  return JSON.stringify(terms)
}

async function contract(f: Partial<Fields> = {}): Promise<string> {
  const id = nextId()
  const terms = f.terms_log ?? log('2024-01-01', 12, 2)
  const last = (JSON.parse(terms) as Array<{ start: string; end: string }>).at(-1) ?? { start: '2024-01-01', end: '2024-12-31' }
  await t.ctx.db.insertInto('contracts').values({
    id, created_at: NOW, updated_at: NOW, company_id: 'c1', number: `V-${id}`, contact_id: null, offer_id: null, type: 'service', title: id,
    owner_id: 'u-anna', status: 'renewed', start_date: '2024-01-01', minimum_term_months: 12, term_start: last.start, end_date: last.end,
    cancel_by: f.cancel_by ?? cancelBy(last.end, { value: f.notice_value ?? 3, unit: f.notice_unit ?? 'months' }), notice_value: 3, notice_unit: 'months',
    renewal_months: 12, renewal_lead_days: 90, annual_value_cents: 120_000, terms_log: terms, review_due: null, review_done_at: null, final_due: null, final_done_at: null,
    cancellation_received_on: null, churn_reason: '', deleted_at: null, ...f,
  }).execute()
  return id
}
const setContract = (id: string, set: Partial<Fields>) => t.ctx.db.updateTable('contracts').set(set).where('id', '=', id).execute()

interface Decision { day: string; owner_id: string; outcome: string; value: number }

/** Every decision as the report derived them before the roll-up: from each decided contract's row, in JS. */
async function decisionsCounted(): Promise<Decision[]> {
  const rows = await t.ctx.db.selectFrom('contracts').selectAll().where('deleted_at', 'is', null).where('status', 'in', RENEWAL_DECIDED_STATUSES).execute()
  const out: Decision[] = []
  for (const k of rows) {
    const ends = (JSON.parse(k.terms_log) as Array<{ end: string }>).map((term) => term.end)
    for (let i = 1; i < ends.length; i++) out.push({ day: cancelBy(ends[i - 1]!, { value: k.notice_value, unit: k.notice_unit }), owner_id: k.owner_id, outcome: 'renewed', value: k.annual_value_cents })
    if (k.status === 'ended') out.push({ day: k.cancel_by, owner_id: k.owner_id, outcome: 'no_renewal', value: k.annual_value_cents })
    else if (k.cancellation_received_on) out.push({ day: k.cancellation_received_on, owner_id: k.owner_id, outcome: k.churn_reason || 'other', value: k.annual_value_cents })
  }
  return out
}

const byKey = (rows: Array<{ key: string; owner_id: string; outcome: string; decisions: number; value_cents: number }>) =>
  rows.filter((r) => r.decisions !== 0).sort((a, b) => a.key.localeCompare(b.key) || a.owner_id.localeCompare(b.owner_id) || a.outcome.localeCompare(b.outcome))

function group(decisions: Decision[], key: (d: Decision) => string) {
  const groups = new Map<string, { key: string; owner_id: string; outcome: string; decisions: number; value_cents: number }>()
  for (const d of decisions) {
    const k = `${key(d)}|${d.owner_id}|${d.outcome}`
    const g = groups.get(k) ?? groups.set(k, { key: key(d), owner_id: d.owner_id, outcome: d.outcome, decisions: 0, value_cents: 0 }).get(k)!
    g.decisions++
    g.value_cents += d.value
  }
  return byKey([...groups.values()])
}

/** Both roll-ups' rows that count, in key order. */
async function rollUps() {
  const tidy = (rows: Array<{ key: string; owner_id: string; outcome: string; decisions: number; value_cents: number }>) =>
    byKey(rows.map((r) => ({ ...r, decisions: Number(r.decisions), value_cents: Number(r.value_cents) })))
  return {
    months: tidy(await t.ctx.db.selectFrom('renewal_stats').select(['month as key', 'owner_id', 'outcome', 'decisions', 'value_cents']).execute()),
    days: tidy(await t.ctx.db.selectFrom('renewal_day_stats').select(['day as key', 'owner_id', 'outcome', 'decisions', 'value_cents']).execute()),
  }
}
async function rollUpsCounted() {
  const decisions = await decisionsCounted()
  return { months: group(decisions, (d) => d.day.slice(0, 7)), days: group(decisions, (d) => d.day) }
}

/** The report as it was computed before the roll-up (the former renewalReport, reading every decided contract). */
async function direct(from: string, to: string, period: Period, ownerId: string) {
  const names = new Map((await t.ctx.db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]))
  const empty = (key: string): RenewalRateRow => ({ key, due: 0, renewed: 0, churned: 0, renewedValueCents: 0, dueValueCents: 0, rateByCount: null, rateByValue: null })
  const total = empty('total')
  const byPeriod = new Map<string, RenewalRateRow>()
  const byOwner = new Map<string, RenewalRateRow>()
  const reasons = new Map<string, { count: number; valueCents: number }>()
  for (const d of await decisionsCounted()) {
    if (d.day < from || d.day > to || (ownerId && d.owner_id !== ownerId)) continue
    const key = periodOf(d.day.slice(0, 7), period)
    const owner = names.get(d.owner_id) ?? d.owner_id
    for (const row of [total, byPeriod.get(key) ?? byPeriod.set(key, empty(key)).get(key)!, byOwner.get(owner) ?? byOwner.set(owner, empty(owner)).get(owner)!]) {
      row.due++
      row.dueValueCents += d.value
      if (d.outcome === 'renewed') {
        row.renewed++
        row.renewedValueCents += d.value
      } else row.churned++
    }
    if (d.outcome !== 'renewed') {
      const r = reasons.get(d.outcome) ?? { count: 0, valueCents: 0 }
      reasons.set(d.outcome, { count: r.count + 1, valueCents: r.valueCents + d.value })
    }
  }
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)
  const finish = (row: RenewalRateRow) => ({ ...row, rateByCount: rate(row.renewed, row.due), rateByValue: rate(row.renewedValueCents, row.dueValueCents) })
  return {
    total: finish(total),
    byPeriod: [...byPeriod.values()].map(finish).sort((a, b) => a.key.localeCompare(b.key)),
    byOwner: [...byOwner.values()].map(finish).sort((a, b) => b.due - a.due || a.key.localeCompare(b.key)),
    churnReasons: [...reasons.entries()].map(([reason, r]) => ({ reason, ...r })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  }
}

async function expectSame(from: string, to: string, period: Period = 'quarter', ownerId = '') {
  const report = await renewalReport(t.ctx, { from, to, period, ownerId })
  // Rows of equal counts have no order of their own: compared in key order.
  const ordered = {
    ...report,
    byOwner: [...report.byOwner].sort((a, b) => b.due - a.due || a.key.localeCompare(b.key)),
    churnReasons: [...report.churnReasons].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  }
  expect(ordered, `${from} – ${to} by ${period} ${ownerId}`).toEqual(await direct(from, to, period, ownerId))
}

describe('cancel-by date in SQL (cancelBySql)', () => {
  it('equals cancelBy for every day of five years and every kind of notice', async () => {
    const notices = [...NOTICE_UNITS.flatMap((unit) => [0, 1, 2, 3, 6, 12].map((value) => ({ value, unit }))), { value: 14, unit: 'days' as const }, { value: 24, unit: 'months' as const }, { value: -1, unit: 'months' as const }]
    const days: string[] = []
    for (let day = '2023-11-01'; day <= '2028-03-31'; day = addCalendarDays(day, 1)) days.push(day)
    for (const notice of notices) {
      const { rows } = await sql<{ end: string; cancel_by: string }>`
        select value as end, ${sql.raw(cancelBySql('value', String(notice.value), `'${notice.unit}'`))} as cancel_by from json_each(${JSON.stringify(days)})`.execute(t.ctx.db)
      const wrong = rows.filter((r) => r.cancel_by !== cancelBy(r.end, notice)).map((r) => `${r.end} ${notice.value} ${notice.unit}: ${r.cancel_by} ≠ ${cancelBy(r.end, notice)}`)
      expect(wrong, `${notice.value} ${notice.unit}`).toEqual([])
    }
    // Month ends in particular: 28/29 February, 30 April, 31 March against longer and shorter months.
    expect((await sql<{ d: string }>`select ${sql.raw(cancelBySql(`'2024-02-29'`, '1', `'months'`))} as d`.execute(t.ctx.db)).rows[0]!.d).toBe('2024-01-31')
    expect((await sql<{ d: string }>`select ${sql.raw(cancelBySql(`'2026-03-30'`, '1', `'months'`))} as d`.execute(t.ctx.db)).rows[0]!.d).toBe('2026-02-28')
  })

  it('is NULL for an end that is not a date', async () => {
    expect((await sql<{ d: string | null }>`select ${sql.raw(cancelBySql(`'irgendwann'`, '3', `'months'`))} as d`.execute(t.ctx.db)).rows[0]!.d).toBeNull()
  })
})

describe('renewal roll-up (renewal_stats, renewal_day_stats)', () => {
  it('counts each renewed term on its cancel-by date, a run-out contract on its cancel-by date, a cancellation on the day it came in', async () => {
    await contract({ terms_log: log('2023-01-01', 12, 3), annual_value_cents: 100_00 })
    await contract({ status: 'ended', terms_log: log('2024-04-01', 12, 1), cancel_by: '2024-12-31', annual_value_cents: 50_00 })
    await contract({ status: 'cancelled_customer', terms_log: log('2024-01-01', 12, 1), cancellation_received_on: '2024-08-15', churn_reason: 'price', annual_value_cents: 70_00 })
    await contract({ status: 'cancelled_us', terms_log: log('2024-01-01', 12, 1), cancellation_received_on: '2024-08-20', churn_reason: '', owner_id: 'u-jonas' })
    await contract({ status: 'active', terms_log: log('2024-01-01', 12, 3) }) // a first term still running decides nothing
    const { months, days } = await rollUps()
    expect(days).toEqual([
      { key: '2023-09-30', owner_id: 'u-anna', outcome: 'renewed', decisions: 1, value_cents: 100_00 },
      { key: '2024-08-15', owner_id: 'u-anna', outcome: 'price', decisions: 1, value_cents: 70_00 },
      { key: '2024-08-20', owner_id: 'u-jonas', outcome: 'other', decisions: 1, value_cents: 120_000 },
      { key: '2024-09-30', owner_id: 'u-anna', outcome: 'renewed', decisions: 1, value_cents: 100_00 },
      { key: '2024-12-31', owner_id: 'u-anna', outcome: 'no_renewal', decisions: 1, value_cents: 50_00 },
    ])
    expect(months.map((m) => m.key)).toEqual(['2023-09', '2024-08', '2024-08', '2024-09', '2024-12'])
    expect({ months, days }).toEqual(await rollUpsCounted())
  })

  it('follows new terms, notice changes, cancellations, owner and value changes, soft and hard deletes', async () => {
    const a = await contract({ terms_log: log('2023-01-01', 12, 2) })
    const b = await contract({ terms_log: log('2022-07-01', 6, 4), notice_unit: 'weeks', notice_value: 6 })
    await setContract(a, { terms_log: log('2023-01-01', 12, 4) })
    await setContract(b, { notice_value: 2, notice_unit: 'days' })
    expect(await rollUps()).toEqual(await rollUpsCounted())
    await setContract(a, { notice_value: 1 })
    await setContract(b, { notice_value: 5 })
    expect(await rollUps()).toEqual(await rollUpsCounted())
    await setContract(a, { status: 'cancelled_customer', cancellation_received_on: '2026-05-02', churn_reason: 'competitor', owner_id: 'u-jonas', annual_value_cents: 9_900 })
    await setContract(b, { status: 'ended', cancel_by: '2024-11-30' })
    expect(await rollUps()).toEqual(await rollUpsCounted())
    expect((await rollUps()).days.filter((d) => d.outcome !== 'renewed').map((d) => [d.key, d.outcome, d.owner_id])).toEqual([['2024-11-30', 'no_renewal', 'u-anna'], ['2026-05-02', 'competitor', 'u-jonas']])
    await setContract(a, { deleted_at: NOW })
    await t.ctx.db.deleteFrom('contracts').where('id', '=', b).execute()
    expect(await rollUps()).toEqual({ months: [], days: [] })
  })

  it('counts no renewals of a damaged terms log rather than refusing the write', async () => {
    const k = await contract({ status: 'ended', terms_log: log('2024-01-01', 12, 2), cancel_by: '2025-09-30' })
    await setContract(k, { terms_log: '[{"start": "2024-01-01"' })
    expect((await rollUps()).days.map((d) => [d.key, d.outcome])).toEqual([['2025-09-30', 'no_renewal']])
    await setContract(k, { terms_log: log('2024-01-01', 12, 2) })
    expect(await rollUps()).toEqual(await rollUpsCounted())
  })

  it('is filled from the existing contracts when the migration runs', async () => {
    await contract({ terms_log: log('2021-03-31', 12, 5), notice_value: 1, notice_unit: 'months' })
    await contract({ status: 'cancelled_customer', cancellation_received_on: '2025-02-03', churn_reason: 'budget' })
    await contract({ status: 'ended', cancel_by: '2025-06-30', deleted_at: NOW })
    const kept = await rollUps()
    await refill(t.ctx.db, ['renewal_stats', 'renewal_day_stats'], statements)
    expect(await rollUps()).toEqual(kept)
    expect(kept).toEqual(await rollUpsCounted())
    expect(kept.days).toHaveLength(6)
  })

  it('equals the direct report for every range, period and owner after random writes and deletions', async () => {
    const r = seededRandom(37)
    const owners = ['u-anna', 'u-jonas', 'u-gone']
    const statuses = ['active', ...RENEWAL_DECIDED_STATUSES] as const
    const reasons = ['', 'price', 'competitor', 'budget', 'other'] as const
    const notice = () => ({ notice_unit: r.pick(NOTICE_UNITS), notice_value: r.int(7) })
    const random = (): Partial<Fields> => {
      const status = r.pick(statuses)
      return {
        status, owner_id: r.pick(owners), terms_log: log(r.day(2021, 3), r.pick([1, 3, 6, 12, 24]), 1 + r.int(5)), ...notice(), annual_value_cents: r.int(500_000),
        cancel_by: r.day(2023, 4), cancellation_received_on: status.startsWith('cancelled') && r.next() < 0.9 ? r.day(2023, 4) : null,
        churn_reason: r.pick(reasons), deleted_at: r.next() < 0.1 ? NOW : null,
      }
    }
    const ids: string[] = []
    const ranges = (): Array<[string, string]> => [
      ['2023-01-01', '2026-12-31'], ['2024-03-15', '2025-02-28'], ['2025-11-03', '2025-11-20'], ['2025-02-01', '2025-02-28'], ['2024-06-30', '2024-07-01'],
      ...Array.from({ length: 5 }, () => [r.day(2022, 5), r.day(2022, 5)].sort() as [string, string]),
    ]
    for (let round = 0; round < 8; round++) {
      for (let op = 0; op < 30; op++) {
        const k = ids.length > 0 ? r.pick(ids) : null
        switch (r.int(8)) {
          case 0: case 1: case 2: ids.push(await contract(random())); break
          case 3: if (k) await setContract(k, { ...notice(), owner_id: r.pick(owners) }); break
          case 4: if (k) await setContract(k, { status: r.pick(statuses), cancellation_received_on: r.next() < 0.5 ? null : r.day(2023, 4), churn_reason: r.pick(reasons) }); break
          case 5: if (k) await setContract(k, { terms_log: log(r.day(2021, 3), 12, 1 + r.int(5)), annual_value_cents: r.int(500_000) }); break
          case 6: if (k) await setContract(k, { deleted_at: r.next() < 0.5 ? NOW : null }); break
          default: if (k) await t.ctx.db.deleteFrom('contracts').where('id', '=', k).execute()
        }
      }
      expect(await rollUps(), `round ${round}`).toEqual(await rollUpsCounted())
      for (const [from, to] of ranges()) await expectSame(from, to, r.pick(['month', 'quarter', 'year'] as const), r.next() < 0.3 ? r.pick(owners) : '')
    }
  })
})
