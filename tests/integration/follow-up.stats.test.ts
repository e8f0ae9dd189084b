// The order-rate report's follow-up discipline reads whole months from a trigger-kept roll-up (follow_up_stats,
// migration 036): whatever happens to follow-ups and companies — written by the services or applied by a pull, in
// any order — it must equal the count over every first follow-up of the range, by owner and by segment.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { statements } from '../../db/migrations/2026-12-01-036-follow-up-stats'
import { berlinDayEnd } from '../../db/platform/berlin-sql'
import { orderRateReport } from '../../electron/main/modules/offers/order-rate.service'
import { openTestDb, type TestDb } from '../helpers/temp-db'
import { seededRandom } from '../helpers/seeded-random'
import { refill } from '../helpers/roll-up'

let t: TestDb
const TODAY = '2026-06-15'
beforeEach(async () => {
  t = await openTestDb()
  t.setNow(`${TODAY}T10:00:00.000Z`)
  // As an applied pull writes: rows may arrive before the company they hang off.
  await sql`PRAGMA foreign_keys = OFF`.execute(t.ctx.db)
})
afterEach(async () => t.cleanup())

const NOW = '2026-06-15T10:00:00.000Z'
let seq = 0

async function company(companyId: string, segment: string) {
  await t.ctx.db.insertInto('companies').values({ id: companyId, created_at: NOW, updated_at: NOW, name: companyId, status: 'customer', segment: segment as never }).execute()
}
async function followUp(f: { company: string; owner?: string; kind?: string; planned: string; status?: string; doneAt?: string | null; deleted?: boolean }): Promise<string> {
  const id = `fu-${String(++seq).padStart(6, '0')}`
  await t.ctx.db.insertInto('follow_ups').values({
    id, created_at: NOW, updated_at: NOW, offer_id: 'o1', company_id: f.company, owner_id: f.owner ?? 'u1', kind: (f.kind ?? 'after_first') as never,
    due_date: f.planned, planned_date: f.planned, status: (f.status ?? 'open') as never, done_at: f.doneAt ?? null, touchpoint_id: null, deleted_at: f.deleted ? NOW : null,
  }).execute()
  return id
}
const setFollowUp = (id: string, set: Record<string, unknown>) => t.ctx.db.updateTable('follow_ups').set(set).where('id', '=', id).execute()

/** The roll-up's rows that count, in key order. */
async function rollUp() {
  return (await t.ctx.db.selectFrom('follow_up_stats').selectAll().where('due', '<>', 0).orderBy('month').orderBy('owner_id').orderBy('segment').execute())
    .map((r) => ({ ...r, due: Number(r.due), on_time: Number(r.on_time) }))
}

/** The roll-up as its definition says, counted from every row with the report's own German day end. */
async function rollUpCounted() {
  const { rows } = await sql<{ month: string; owner_id: string; segment: string; due: number; on_time: number }>`
    select substr(f.planned_date, 1, 7) as month, f.owner_id, coalesce(c.segment, '') as segment, count(*) as due,
      coalesce(sum(f.status = 'done' and f.done_at < ${berlinDayEnd(sql.ref('f.planned_date'), 2023, 2028)}), 0) as on_time
    from follow_ups f left join companies c on c.id = f.company_id
    where f.deleted_at is null and f.kind = 'after_first' and f.status <> 'cancelled'
    group by 1, 2, 3 order by 1, 2, 3`.execute(t.ctx.db)
  return rows.map((r) => ({ ...r, due: Number(r.due), on_time: Number(r.on_time) }))
}

/** Follow-up discipline as it was computed before the roll-up: one pass over every first follow-up of the range. */
async function direct(from: string, to: string, ownerId: string, segment: string) {
  const until = to < TODAY ? to : TODAY
  const { rows } = await sql<{ due: number; on_time: number }>`
    select count(*) as due, coalesce(sum(f.status = 'done' and f.done_at < ${berlinDayEnd(sql.ref('f.planned_date'), Number(from.slice(0, 4)), Number(until.slice(0, 4)))}), 0) as on_time
    from follow_ups f
    where f.deleted_at is null and f.kind = 'after_first' and f.planned_date >= ${from} and f.planned_date <= ${until} and f.status <> 'cancelled'
      ${ownerId ? sql`and f.owner_id = ${ownerId}` : sql``}
      ${segment ? sql`and f.company_id in (select id from companies where segment = ${segment})` : sql``}`.execute(t.ctx.db)
  const d = rows[0] ?? { due: 0, on_time: 0 }
  return { due: Number(d.due), onTime: Number(d.on_time), share: Number(d.due) > 0 ? Number(d.on_time) / Number(d.due) : null }
}

async function expectSame(from: string, to: string, ownerId = '', segment = '') {
  const report = await orderRateReport(t.ctx, { from, to, period: 'month', ownerId, segment })
  expect(report.followUpDiscipline, `${from} – ${to}, owner '${ownerId}', segment '${segment}'`).toEqual(await direct(from, to, ownerId, segment))
}


describe('follow-up roll-up (follow_up_stats)', () => {
  it('counts first follow-ups that are not cancelled, and those done before the end of the planned German day', async () => {
    await company('c1', 'enterprise')
    // Summer (German midnight at 22:00 UTC) and winter (23:00 UTC), both sides of each.
    await followUp({ company: 'c1', planned: '2026-05-04', status: 'done', doneAt: '2026-05-04T21:59:59.999Z' })
    await followUp({ company: 'c1', planned: '2026-05-05', status: 'done', doneAt: '2026-05-05T22:00:00.000Z' })
    await followUp({ company: 'c1', planned: '2026-01-07', status: 'done', doneAt: '2026-01-07T22:30:00.000Z' })
    await followUp({ company: 'c1', planned: '2026-01-08', status: 'done', doneAt: '2026-01-08T23:00:00.000Z' })
    // The last Sunday of March is a summer day, the last Sunday of October a winter one.
    await followUp({ company: 'c1', planned: '2026-03-29', status: 'done', doneAt: '2026-03-29T22:30:00.000Z' })
    await followUp({ company: 'c1', planned: '2026-10-25', status: 'done', doneAt: '2026-10-25T22:30:00.000Z' })
    await followUp({ company: 'c1', planned: '2026-05-06' })
    await followUp({ company: 'c1', planned: '2026-05-07', status: 'cancelled' })
    await followUp({ company: 'c1', planned: '2026-05-08', kind: 'after_second', status: 'done', doneAt: '2026-05-08T08:00:00.000Z' })
    await followUp({ company: 'c1', planned: '2026-05-09', status: 'done', doneAt: '2026-05-09T08:00:00.000Z', deleted: true })
    expect(await rollUp()).toEqual([
      { month: '2026-01', owner_id: 'u1', segment: 'enterprise', due: 2, on_time: 1 },
      { month: '2026-03', owner_id: 'u1', segment: 'enterprise', due: 1, on_time: 0 },
      { month: '2026-05', owner_id: 'u1', segment: 'enterprise', due: 3, on_time: 1 },
      { month: '2026-10', owner_id: 'u1', segment: 'enterprise', due: 1, on_time: 1 },
    ])
    expect(await rollUp()).toEqual(await rollUpCounted())
  })

  it('follows completion, cancelling, re-planning, a new owner, soft and hard deletes', async () => {
    await company('c1', 'enterprise')
    await company('c2', 'mid_market')
    const a = await followUp({ company: 'c1', planned: '2026-05-04' })
    const b = await followUp({ company: 'c1', planned: '2026-05-05' })
    const c = await followUp({ company: 'c1', planned: '2026-05-06' })
    await setFollowUp(a, { status: 'done', done_at: '2026-05-04T09:00:00.000Z' })
    await setFollowUp(b, { planned_date: '2026-07-01', owner_id: 'u2', company_id: 'c2' })
    await setFollowUp(c, { status: 'cancelled' })
    expect(await rollUp()).toEqual([
      { month: '2026-05', owner_id: 'u1', segment: 'enterprise', due: 1, on_time: 1 },
      { month: '2026-07', owner_id: 'u2', segment: 'mid_market', due: 1, on_time: 0 },
    ])
    await setFollowUp(a, { done_at: '2026-05-06T09:00:00.000Z' })
    expect((await rollUp())[0]).toMatchObject({ due: 1, on_time: 0 })
    await setFollowUp(a, { deleted_at: NOW })
    await t.ctx.db.deleteFrom('follow_ups').where('id', '=', b).execute()
    await setFollowUp(c, { kind: 'before_expiry', status: 'open' })
    expect(await rollUp()).toEqual([])
  })

  it('moves a company\'s follow-ups on its arrival, segment change and removal', async () => {
    await followUp({ company: 'c9', planned: '2026-05-04' })
    await followUp({ company: 'c9', planned: '2026-06-04', owner: 'u2' })
    expect((await rollUp()).map((r) => r.segment)).toEqual(['', ''])
    await company('c9', 'small_business')
    expect((await rollUp()).map((r) => r.segment)).toEqual(['small_business', 'small_business'])
    await t.ctx.db.updateTable('companies').set({ segment: 'enterprise' }).where('id', '=', 'c9').execute()
    expect((await rollUp()).map((r) => r.segment)).toEqual(['enterprise', 'enterprise'])
    await t.ctx.db.deleteFrom('companies').where('id', '=', 'c9').execute()
    expect((await rollUp()).map((r) => r.segment)).toEqual(['', ''])
    expect(await rollUp()).toEqual(await rollUpCounted())
  })

  it('is filled from the existing follow-ups when the migration runs', async () => {
    await company('c1', 'enterprise')
    await followUp({ company: 'c1', planned: '2026-05-04', status: 'done', doneAt: '2026-05-04T09:00:00.000Z' })
    await followUp({ company: 'c1', planned: '2026-05-04', status: 'done', doneAt: '2026-05-05T09:00:00.000Z', owner: 'u2' })
    await followUp({ company: 'c3', planned: '2026-04-04', status: 'cancelled' })
    await followUp({ company: 'c3', planned: '2026-04-04' })
    const kept = await rollUp()
    await refill(t.ctx.db, ['follow_up_stats'], statements)
    expect(await rollUp()).toEqual(kept)
    expect(kept).toEqual(await rollUpCounted())
    expect(kept).toHaveLength(3)
  })

  it('finds a company\'s counted follow-ups through an index, not by reading all follow-ups', async () => {
    const plan = (await sql<{ detail: string }>`explain query plan select count(*) from follow_ups f
      where f.company_id = 'c1' and f.deleted_at is null and f.kind = 'after_first' and f.status <> 'cancelled'`.execute(t.ctx.db)).rows.map((r) => r.detail)
    expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX follow_ups_company_due/)
  })

  it('equals the direct count for every range, owner and segment after random writes, pulls, segment changes and removals', async () => {
    const r = seededRandom(36)
    const companies = Array.from({ length: 12 }, (_, i) => `c${i}`)
    const segments = ['', 'enterprise', 'mid_market', 'small_business']
    const owners = ['u1', 'u2', 'u3']
    const present = new Set<string>()
    const rows: string[] = []
    for (const c of companies.slice(0, 7)) {
      await company(c, r.pick(segments))
      present.add(c)
    }
    // Planned days near the summer-time switches and around today; done at instants around the German day's end.
    const planned = () => r.next() < 0.4 ? r.pick(['2025-03-30', '2025-03-29', '2025-10-26', '2025-10-25', '2026-03-29', '2026-03-28', '2026-10-25', '2026-10-24', '2026-06-15', '2026-06-14']) : r.day(2024, 3)
    const doneAt = (day: string) => {
      const next = new Date(Date.parse(`${day}T12:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10)
      return r.pick([`${day}T08:00:00.000Z`, `${day}T21:59:59.999Z`, `${day}T22:00:00.000Z`, `${day}T22:30:00.000Z`, `${day}T23:00:00.000Z`, `${next}T09:00:00.000Z`])
    }
    const ranges = (): Array<[string, string]> => [
      ['2025-01-01', '2026-12-31'], ['2025-03-15', '2026-02-28'], ['2026-06-01', '2026-06-30'], ['2026-05-01', '2026-06-15'], ['2026-06-16', '2026-09-30'], ['2025-10-26', '2025-10-26'],
      ...Array.from({ length: 6 }, () => [r.day(2024, 3.2), r.day(2024, 3.2)].sort() as [string, string]),
    ]
    for (let round = 0; round < 10; round++) {
      for (let op = 0; op < 40; op++) {
        const c = r.pick(companies)
        const f = rows.length > 0 ? r.pick(rows) : null
        const status = r.pick(['open', 'done', 'done', 'cancelled'])
        switch (r.int(11)) {
          case 0: case 1: case 2: {
            const day = planned()
            rows.push(await followUp({ company: c, owner: r.pick(owners), kind: r.pick(['after_first', 'after_first', 'after_second']), planned: day, status, doneAt: status === 'done' ? doneAt(day) : null, deleted: r.next() < 0.1 }))
            break
          }
          case 3: if (f) {
            const day = (await t.ctx.db.selectFrom('follow_ups').select('planned_date').where('id', '=', f).executeTakeFirst())?.planned_date ?? planned()
            await setFollowUp(f, { status, done_at: status === 'done' ? doneAt(day) : null })
          } break
          case 4: if (f) await setFollowUp(f, { planned_date: planned() }); break
          case 5: if (f) await setFollowUp(f, { owner_id: r.pick(owners), company_id: r.pick(companies), kind: r.pick(['after_first', 'before_expiry']) }); break
          case 6: if (f) await setFollowUp(f, { deleted_at: r.next() < 0.7 ? NOW : null }); break
          case 7: if (f) await t.ctx.db.deleteFrom('follow_ups').where('id', '=', f).execute(); break
          case 8:
            if (present.has(c)) await t.ctx.db.updateTable('companies').set({ segment: r.pick(segments) as never }).where('id', '=', c).execute()
            else {
              await company(c, r.pick(segments))
              present.add(c)
            }
            break
          case 9:
            await t.ctx.db.deleteFrom('companies').where('id', '=', c).execute()
            present.delete(c)
            break
          case 10:
            // A pull's upsert writes every column, changed or not.
            if (f) await sql`insert into follow_ups (id, created_at, updated_at, offer_id, company_id, owner_id, kind, due_date, planned_date, status, done_at, deleted_at)
              select id, created_at, updated_at, offer_id, company_id, owner_id, kind, due_date, planned_date, status, done_at, deleted_at from follow_ups where id = ${f}
              on conflict(id) do update set company_id = excluded.company_id, owner_id = excluded.owner_id, kind = excluded.kind, planned_date = excluded.planned_date,
                status = excluded.status, done_at = excluded.done_at, deleted_at = excluded.deleted_at`.execute(t.ctx.db)
            break
        }
      }
      expect(await rollUp(), `round ${round}`).toEqual(await rollUpCounted())
      for (const [from, to] of ranges()) await expectSame(from, to, r.next() < 0.3 ? r.pick(owners) : '', r.next() < 0.3 ? r.pick(segments.slice(1)) : '')
    }
  })
})
