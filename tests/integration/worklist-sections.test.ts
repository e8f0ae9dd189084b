// The work list reads only what it shows: each section's first entries (the most urgent first, across every
// source) and how many it holds in all, under the filters mine/team and all/overdue/this week. Each source's
// count agrees with what it lists, and a short page is the start of the long one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { workList } from '../../electron/main/modules/worklist'
import { WORK_LIST_SOURCES } from '../../electron/main/modules/worklist/worklist.sources'
import { loadDemoData, DEMO_SIZES } from '../../electron/main/modules/demo/demo-data.service'
import { spanOf, WORK_LIST_SECTIONS, workListRanges, type WorkList, type WorkListWhen } from '../../shared/modules/worklist'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-02T09:00:00.000Z') // a Monday: every task below is made before it falls due
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const TODAY = '2026-11-25' // a Wednesday; this week is 23 to 29 November
const ids = (items: WorkList['overdue']) => items.map((i) => `${i.source}:${i.dueDate}`)

async function customerWithTasks(dueDates: string[]) {
  const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Brunsviga Maschinenbau GmbH', customerNumber: 'K-1' }))
  for (const [n, dueDate] of dueDates.entries()) await must('tasks.create', { companyId: company.id, title: `Aufgabe ${n + 1}`, dueDate, priority: 'normal' })
  return company
}

describe('the sections of the work list', () => {
  it('lists each section\'s first entries, the earliest first, and counts them all', async () => {
    await customerWithTasks(['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-25', '2026-11-27', '2026-12-01', '2026-12-20'])
    const list = await must<WorkList>('worklist.list', { ownerId: '', today: TODAY, limit: 3 })
    expect(list.counts).toEqual({ overdue: 6, dueToday: 2, upcoming: 2 })
    expect(ids(list.overdue)).toEqual(['task:2026-11-03', 'task:2026-11-10', 'task:2026-11-17'])
    expect(ids(list.dueToday)).toEqual(['task:2026-11-25', 'task:2026-11-25'])
    // 20 December is beyond the 14 days of "Demnächst": neither listed nor counted.
    expect(ids(list.upcoming)).toEqual(['task:2026-11-27', 'task:2026-12-01'])
    expect(list.when).toBe('all')
  })

  it('filters by days in the database: overdue only, or this week from Monday to Sunday', async () => {
    await customerWithTasks(['2026-11-10', '2026-11-20', '2026-11-23', '2026-11-25', '2026-11-29', '2026-11-30'])
    const overdue = await must<WorkList>('worklist.list', { ownerId: '', today: TODAY, when: 'overdue' })
    expect(overdue.counts).toEqual({ overdue: 3, dueToday: 0, upcoming: 0 })
    expect([overdue.dueToday, overdue.upcoming]).toEqual([[], []])
    const week = await must<WorkList>('worklist.list', { ownerId: '', today: TODAY, when: 'week' })
    expect(week.counts).toEqual({ overdue: 1, dueToday: 1, upcoming: 1 })
    expect([ids(week.overdue), ids(week.dueToday), ids(week.upcoming)]).toEqual([['task:2026-11-23'], ['task:2026-11-25'], ['task:2026-11-29']])
  })

  it('shows mine or the team\'s', async () => {
    await customerWithTasks(['2026-11-20'])
    expect((await must<WorkList>('worklist.list', { ownerId: t.ctx.userId, today: TODAY })).counts.overdue).toBe(1)
    expect((await must<WorkList>('worklist.list', { ownerId: '01930000-0000-7000-8000-00000000c0de', today: TODAY })).counts).toEqual({ overdue: 0, dueToday: 0, upcoming: 0 })
  })

  it('refuses a page size it cannot give, and an unknown filter, at the field', async () => {
    for (const [limit, message] of [[0, 'errors.tooSmall'], [1001, 'errors.tooLarge'], [2.5, 'errors.integer'], ['100', 'errors.number']] as const) {
      expect(await dispatch(t.app, 'worklist.list', { ownerId: '', limit }), String(limit)).toMatchObject({ ok: false, error: { code: 'validation', fields: { limit: message } } })
    }
    expect(await dispatch(t.app, 'worklist.list', { ownerId: '', when: 'month' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { when: 'errors.invalidChoice' } } })
  })
})

describe('on the demo data, every source at once', () => {
  beforeEach(async () => {
    t.setNow('2026-11-22T09:00:00.000Z')
    await loadDemoData(t.ctx, DEMO_SIZES.small)
  })

  it('each source\'s counts agree with what it lists, under every filter', async () => {
    for (const when of ['all', 'overdue', 'week'] as const satisfies readonly WorkListWhen[]) {
      const ranges = workListRanges(TODAY, when)
      for (const source of WORK_LIST_SOURCES) {
        const counts = await source.count(t.ctx, { ownerId: '', today: TODAY, ...spanOf(ranges)! })
        for (const section of WORK_LIST_SECTIONS) {
          const range = ranges[section]
          const listed = range ? await source.list(t.ctx, { ownerId: '', ...range, limit: 1000 }) : []
          expect(listed.length, `${when} ${source.source} ${section}`).toBe(counts[section])
          expect(listed.map((i) => i.dueDate), `${when} ${source.source} ${section}`).toEqual(listed.map((i) => i.dueDate).sort())
        }
      }
    }
    const all = await workList(t.ctx, { ownerId: '', today: TODAY, limit: 1000 })
    expect(new Set([...all.overdue, ...all.dueToday, ...all.upcoming].map((i) => i.source)).size, 'the demo data reaches most sources').toBeGreaterThanOrEqual(5)
  })

  it('a short page is the start of the long one: the most urgent entries of every source, the higher value first within a day', async () => {
    const long = await workList(t.ctx, { ownerId: '', today: TODAY, limit: 1000 })
    // Short pages ask the later sources only up to the day of the page's last entry: the same entries either way.
    for (const limit of [1, 3, 7, 20]) {
      const short = await workList(t.ctx, { ownerId: '', today: TODAY, limit })
      expect(short.counts).toEqual(long.counts)
      for (const section of WORK_LIST_SECTIONS) expect(short[section].map((i) => i.id), `${section} ${limit}`).toEqual(long[section].slice(0, limit).map((i) => i.id))
    }
    for (const section of WORK_LIST_SECTIONS) {
      const keys = long[section].map((i) => [i.dueDate, -i.view.valueCents] as const)
      expect(keys, section).toEqual([...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]))
    }
    expect(long.counts.overdue, 'the demo data has overdue entries').toBeGreaterThan(20)
    expect(new Set(long.overdue.slice(0, 20).map((i) => i.source)).size, 'the first overdue entries come from more than one source').toBeGreaterThan(1)
    // One rep's list and this week's, the same way.
    const rep = long.overdue[0]!.ownerId
    for (const q of [{ ownerId: rep, when: 'all' as const }, { ownerId: '', when: 'week' as const }]) {
      const whole = await workList(t.ctx, { ...q, today: TODAY, limit: 1000 })
      const page = await workList(t.ctx, { ...q, today: TODAY, limit: 3 })
      for (const section of WORK_LIST_SECTIONS) expect(page[section].map((i) => i.id), `${JSON.stringify(q)} ${section}`).toEqual(whole[section].slice(0, 3).map((i) => i.id))
    }
  })

  it('a later source\'s entry on the last day of a full page, worth more, still comes first within that day', async () => {
    // An offer follow-up fills today's page of one first; the renewal reminders are then asked up to its day, that day included.
    const source = (name: string) => WORK_LIST_SOURCES.find((s) => s.source === name)!
    const [followUp] = await source('offer').list(t.ctx, { ownerId: '', from: '', to: TODAY, limit: 1 })
    const [renewal] = await source('contract').list(t.ctx, { ownerId: '', from: '', to: '2027-12-31', limit: 1 })
    expect([followUp, renewal].every(Boolean), 'the demo data has an open follow-up and a renewal reminder').toBe(true)
    await t.ctx.db.updateTable('follow_ups').set({ due_date: TODAY }).where('id', '=', followUp!.id).execute()
    const contractId = renewal!.id.split(':')[0]!
    await t.ctx.db.updateTable('contracts').set({ review_due: TODAY, review_done_at: null, annual_value_cents: 1_000_000_000_00 }).where('id', '=', contractId).execute()
    const page = await workList(t.ctx, { ownerId: '', today: TODAY, limit: 1 })
    expect(page.dueToday.map((i) => i.id)).toEqual([`${contractId}:renewal_review`])
  })

  it('an open follow-up of a closed offer (not closed with it, as from an older laptop) is left out, and the page still fills from later days', async () => {
    const source = WORK_LIST_SOURCES.find((s) => s.source === 'offer')!
    const range = workListRanges(TODAY, 'all').overdue!
    const before = await source.list(t.ctx, { ownerId: '', ...range, limit: 1000 })
    expect(before.length, 'the demo data has overdue follow-ups').toBeGreaterThan(6)
    // The first day's offers are decided behind the follow-ups' back: the day of the 3rd entry no longer holds 3.
    const offerOf = (i: (typeof before)[number]) => (i as { offerId: string }).offerId
    const firstDay = before.filter((i) => i.dueDate === before[0]!.dueDate)
    const decided = new Set(firstDay.map(offerOf))
    await t.ctx.db.updateTable('offers').set({ status: 'won' }).where('id', 'in', [...decided]).execute()
    const long = await source.list(t.ctx, { ownerId: '', ...range, limit: 1000 })
    expect(long.map((i) => i.id)).toEqual(before.filter((i) => !decided.has(offerOf(i))).map((i) => i.id))
    const short = await source.list(t.ctx, { ownerId: '', ...range, limit: firstDay.length + 2 })
    expect(short.map((i) => i.id)).toEqual(long.slice(0, firstDay.length + 2).map((i) => i.id))
  })
})
