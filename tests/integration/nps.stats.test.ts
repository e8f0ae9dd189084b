// The NPS report reads whole months from a trigger-kept roll-up (feedback_stats, migration 035): whatever
// happens to feedback and companies — written by the services or applied by a pull, in any order — it must
// equal the report computed directly from every answer, for every range.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { statements } from '../../db/migrations/2026-12-01-035-feedback-stats'
import { detractorScore, promoterScore } from '../../db/modules/service/service.predicates'
import { npsReport } from '../../electron/main/modules/service/feedback.service'
import { periodOf, type Period } from '../../electron/main/platform/periods'
import { npsOf } from '../../shared/modules/service/sla.rules'
import { openTestDb, type TestDb } from '../helpers/temp-db'
import { seededRandom } from '../helpers/seeded-random'
import { refill } from '../helpers/roll-up'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  // As an applied pull writes: rows may arrive before the company they hang off.
  await sql`PRAGMA foreign_keys = OFF`.execute(t.ctx.db)
})
afterEach(async () => t.cleanup())

const NOW = '2026-11-22T09:00:00.000Z'
let seq = 0
const id = (prefix: string) => `${prefix}-${String(++seq).padStart(6, '0')}`

async function company(companyId: string, segment: string, deleted = false) {
  await t.ctx.db.insertInto('companies').values({ id: companyId, created_at: NOW, updated_at: NOW, name: companyId, status: 'customer', segment: segment as never, deleted_at: deleted ? NOW : null }).execute()
}
async function feedback(companyId: string, kind: string, givenOn: string, score: number | null, deleted = false): Promise<string> {
  const feedbackId = id('f')
  await t.ctx.db.insertInto('feedback').values({ id: feedbackId, created_at: NOW, updated_at: NOW, company_id: companyId, kind: kind as never, given_on: givenOn, score, ask_due: null, ask_done_at: null, contact_id: null, deleted_at: deleted ? NOW : null }).execute()
  return feedbackId
}
const setFeedback = (feedbackId: string, set: Record<string, unknown>) => t.ctx.db.updateTable('feedback').set(set).where('id', '=', feedbackId).execute()
const setCompany = (companyId: string, set: Record<string, unknown>) => t.ctx.db.updateTable('companies').set(set).where('id', '=', companyId).execute()

/** The roll-up's rows that count, in key order. */
async function rollUp() {
  return (await t.ctx.db.selectFrom('feedback_stats').selectAll().where('answers', '<>', 0).orderBy('month').orderBy('kind').orderBy('segment').execute())
    .map((r) => ({ ...r, answers: Number(r.answers), promoters: Number(r.promoters), detractors: Number(r.detractors), score_sum: Number(r.score_sum) }))
}

/** The roll-up as its definition says, counted from every row. */
async function rollUpCounted() {
  const { rows } = await sql<{ month: string; kind: string; segment: string; answers: number; promoters: number; detractors: number; score_sum: number }>`
    select substr(f.given_on, 1, 7) as month, f.kind, case when f.kind = 'nps' then c.segment else '' end as segment, count(*) as answers,
      sum(f.kind = 'nps' and ${promoterScore('f')}) as promoters, sum(f.kind = 'nps' and ${detractorScore('f')}) as detractors, sum(f.score) as score_sum
    from feedback f left join companies c on c.id = f.company_id
    where f.deleted_at is null and f.score is not null
      and (f.kind = 'satisfaction' or (f.kind = 'nps' and c.deleted_at is null and c.id is not null))
    group by 1, 2, 3 order by 1, 2, 3`.execute(t.ctx.db)
  return rows.map((r) => ({ ...r, answers: Number(r.answers), promoters: Number(r.promoters), detractors: Number(r.detractors), score_sum: Number(r.score_sum) }))
}

/** The report's figures as they were computed before the roll-up: one grouped query over every answer of the range. */
async function direct(from: string, to: string, period: Period) {
  const groups = await t.ctx.db.selectFrom('feedback as f').innerJoin('companies as c', 'c.id', 'f.company_id')
    .select((eb) => [
      sql<string>`substr(f.given_on, 1, 7)`.as('month'), 'c.segment',
      eb.fn.countAll<number>().as('answers'), sql<number>`sum(${promoterScore('f')})`.as('promoters'), sql<number>`sum(${detractorScore('f')})`.as('detractors'),
    ])
    .where('f.kind', '=', 'nps').where('f.deleted_at', 'is', null).where('c.deleted_at', 'is', null).where('f.given_on', '>=', from).where('f.given_on', '<=', to).where('f.score', 'is not', null)
    .groupBy([sql`substr(f.given_on, 1, 7)`, 'c.segment']).execute()
  type Counts = { key: string; answers: number; promoters: number; detractors: number }
  const empty = (key: string): Counts => ({ key, answers: 0, promoters: 0, detractors: 0 })
  const toRow = (c: Counts) => ({ ...c, passives: c.answers - c.promoters - c.detractors, nps: npsOf(c.promoters, c.detractors, c.answers) })
  const total = empty('total')
  const byPeriod = new Map<string, Counts>()
  const bySegment = new Map<string, Counts>()
  for (const g of groups) {
    const p = periodOf(g.month, period)
    for (const counts of [total, byPeriod.get(p) ?? byPeriod.set(p, empty(p)).get(p)!, bySegment.get(g.segment) ?? bySegment.set(g.segment, empty(g.segment)).get(g.segment)!]) {
      counts.answers += Number(g.answers)
      counts.promoters += Number(g.promoters)
      counts.detractors += Number(g.detractors)
    }
  }
  const satisfaction = await t.ctx.db.selectFrom('feedback').select((eb) => eb.fn.avg<number>('score').as('avg')).where('kind', '=', 'satisfaction').where('deleted_at', 'is', null)
    .where('given_on', '>=', from).where('given_on', '<=', to).executeTakeFirst()
  return {
    total: toRow(total),
    byPeriod: [...byPeriod.values()].map(toRow).sort((a, b) => a.key.localeCompare(b.key)),
    bySegment: [...bySegment.values()].map(toRow).sort((a, b) => b.answers - a.answers),
    satisfactionAverage: satisfaction?.avg === null || satisfaction?.avg === undefined ? null : Math.round(Number(satisfaction.avg) * 10) / 10,
  }
}

async function expectSame(from: string, to: string, period: Period = 'quarter') {
  const { total, byPeriod, bySegment, satisfactionAverage } = await npsReport(t.ctx, { from, to, period })
  expect({ total, byPeriod, bySegment, satisfactionAverage }, `${from} – ${to} by ${period}`).toEqual(await direct(from, to, period))
}


describe('feedback roll-up (feedback_stats)', () => {
  it('counts an NPS answer under its company\'s segment, and a satisfaction score under \'\'', async () => {
    await company('c1', 'enterprise')
    await feedback('c1', 'nps', '2026-03-04', 10)
    await feedback('c1', 'nps', '2026-03-20', 3)
    await feedback('c1', 'satisfaction', '2026-03-05', 4)
    await feedback('c1', 'testimonial', '2026-03-06', null)
    await feedback('c1', 'nps', '2026-03-07', null)
    expect(await rollUp()).toEqual([
      { month: '2026-03', kind: 'nps', segment: 'enterprise', answers: 2, promoters: 1, detractors: 1, score_sum: 13 },
      { month: '2026-03', kind: 'satisfaction', segment: '', answers: 1, promoters: 0, detractors: 0, score_sum: 4 },
    ])
  })

  it('follows score edits, moves, soft and hard deletes of answers', async () => {
    await company('c1', 'mid_market')
    await company('c2', 'small_business')
    const a = await feedback('c1', 'nps', '2026-03-04', 10)
    const b = await feedback('c1', 'nps', '2026-03-05', 8)
    const s = await feedback('c1', 'satisfaction', '2026-03-05', 2)
    await setFeedback(a, { score: 5 })
    await setFeedback(b, { given_on: '2026-04-01', company_id: 'c2' })
    await setFeedback(s, { score: 5 })
    expect(await rollUp()).toEqual(await rollUpCounted())
    expect((await rollUp()).map((r) => [r.month, r.kind, r.segment, r.answers, r.detractors, r.score_sum])).toEqual([
      ['2026-03', 'nps', 'mid_market', 1, 1, 5], ['2026-03', 'satisfaction', '', 1, 0, 5], ['2026-04', 'nps', 'small_business', 1, 0, 8],
    ])
    await setFeedback(a, { deleted_at: NOW })
    await t.ctx.db.deleteFrom('feedback').where('id', '=', b).execute()
    await setFeedback(s, { kind: 'testimonial', score: null })
    expect(await rollUp()).toEqual([])
  })

  it('counts answers that arrived before their company once the company arrives', async () => {
    await feedback('c9', 'nps', '2026-05-02', 9)
    await feedback('c9', 'satisfaction', '2026-05-02', 3)
    expect((await rollUp()).map((r) => r.kind)).toEqual(['satisfaction'])
    await company('c9', 'enterprise')
    expect(await rollUp()).toEqual(await rollUpCounted())
    expect((await rollUp()).find((r) => r.kind === 'nps')).toMatchObject({ segment: 'enterprise', answers: 1, promoters: 1 })
  })

  it('moves a company\'s answers with its segment, drops them while it is deleted and when it is removed', async () => {
    await company('c1', 'enterprise')
    await feedback('c1', 'nps', '2026-05-02', 9)
    await feedback('c1', 'nps', '2026-06-02', 1)
    await setCompany('c1', { segment: 'small_business' })
    expect((await rollUp()).map((r) => r.segment)).toEqual(['small_business', 'small_business'])
    await setCompany('c1', { deleted_at: NOW })
    expect(await rollUp()).toEqual([])
    await setCompany('c1', { deleted_at: null, segment: 'mid_market' })
    expect((await rollUp()).map((r) => r.segment)).toEqual(['mid_market', 'mid_market'])
    await t.ctx.db.deleteFrom('companies').where('id', '=', 'c1').execute()
    expect(await rollUp()).toEqual([])
    expect(await rollUpCounted()).toEqual([])
  })

  it('is filled from the existing feedback when the migration runs', async () => {
    await company('c1', 'enterprise')
    await company('c2', 'mid_market', true)
    await feedback('c1', 'nps', '2026-05-02', 9)
    await feedback('c2', 'nps', '2026-05-02', 9)
    await feedback('c3', 'nps', '2026-05-02', 0)
    await feedback('c3', 'satisfaction', '2026-05-02', 4)
    await feedback('c1', 'satisfaction', '2026-06-02', 1, true)
    const kept = await rollUp()
    await refill(t.ctx.db, ['feedback_stats'], statements)
    expect(await rollUp()).toEqual(kept)
    expect(kept).toEqual(await rollUpCounted())
    expect(kept).toHaveLength(2)
  })

  it('lists segments with as many answers in the order of the direct report (the one whose first answer is earlier first)', async () => {
    await company('c1', 'small_business')
    await company('c2', 'enterprise')
    await feedback('c1', 'nps', '2026-03-20', 10) // in the partial month at the range's start, read from feedback
    await feedback('c2', 'nps', '2026-04-10', 2) // in a whole month, read from the roll-up
    const report = await npsReport(t.ctx, { from: '2026-03-15', to: '2026-05-31', period: 'quarter' })
    expect(report.bySegment.map((r) => r.key)).toEqual(['small_business', 'enterprise'])
    await expectSame('2026-03-15', '2026-05-31')
  })

  it('equals the direct report for every range after random writes, pulls, segment changes and deletions', async () => {
    const r = seededRandom(20)
    const companies = Array.from({ length: 14 }, (_, i) => `c${i}`)
    const segments = ['', 'enterprise', 'mid_market', 'small_business']
    const present = new Set<string>()
    const answers: string[] = []
    for (const c of companies.slice(0, 8)) {
      await company(c, r.pick(segments))
      present.add(c)
    }
    const score = (kind: string) => (r.next() < 0.1 ? null : kind === 'satisfaction' ? 1 + r.int(5) : r.int(11))
    const ranges = (): Array<[string, string]> => [
      ['2025-01-01', '2026-12-31'], ['2025-03-15', '2026-02-28'], ['2026-11-03', '2026-11-20'], ['2025-02-01', '2025-02-28'], ['2026-06-30', '2026-07-01'],
      ...Array.from({ length: 6 }, () => [r.day(2024, 3.2), r.day(2024, 3.2)].sort() as [string, string]),
    ]
    for (let round = 0; round < 12; round++) {
      for (let op = 0; op < 40; op++) {
        const c = r.pick(companies)
        const a = answers.length > 0 ? r.pick(answers) : null
        switch (r.int(12)) {
          case 0: case 1: case 2: {
            const kind = r.pick(['nps', 'nps', 'satisfaction', 'testimonial'])
            answers.push(await feedback(c, kind, r.day(2024, 3), score(kind), r.next() < 0.1))
            break
          }
          case 3: if (a) await setFeedback(a, { score: score(r.pick(['nps', 'satisfaction'])) }); break
          case 4: if (a) await setFeedback(a, { given_on: r.day(2024, 3) }); break
          case 5: if (a) await setFeedback(a, { kind: r.pick(['nps', 'satisfaction', 'testimonial']), company_id: r.pick(companies) }); break
          case 6: if (a) await setFeedback(a, { deleted_at: r.next() < 0.7 ? NOW : null }); break
          case 7: if (a) await t.ctx.db.deleteFrom('feedback').where('id', '=', a).execute(); break
          case 8:
            if (present.has(c)) await setCompany(c, { segment: r.pick(segments) })
            else {
              await company(c, r.pick(segments), r.next() < 0.2)
              present.add(c)
            }
            break
          case 9: if (present.has(c)) await setCompany(c, { deleted_at: r.next() < 0.6 ? NOW : null }); break
          case 10:
            // An eviction or a restore removes the company (foreign keys off, as a pull applies it).
            await t.ctx.db.deleteFrom('companies').where('id', '=', c).execute()
            present.delete(c)
            break
          case 11:
            // A pull's upsert writes every column, changed or not.
            if (a) await sql`insert into feedback (id, created_at, updated_at, company_id, kind, given_on, score, deleted_at) select id, created_at, updated_at, company_id, kind, given_on, score, deleted_at from feedback where id = ${a}
              on conflict(id) do update set company_id = excluded.company_id, kind = excluded.kind, given_on = excluded.given_on, score = excluded.score, deleted_at = excluded.deleted_at`.execute(t.ctx.db)
            break
        }
      }
      expect(await rollUp(), `round ${round}`).toEqual(await rollUpCounted())
      for (const [from, to] of ranges()) await expectSame(from, to, r.pick(['month', 'quarter', 'year'] as const))
    }
  })
})
