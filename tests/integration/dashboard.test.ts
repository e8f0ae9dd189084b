// The manager's dashboard (issue 17): each tile's numbers from a hand-made fixture (complaints by age around
// the bucket edges, touchpoints by rep and Berlin week around midnight), the rate tiles equal to their reports on
// the demo data, and the rows behind every tile agreeing with the tile's count; a bad selection is a field error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { dashboardRows, managerDashboard, triggerReport } from '../../electron/main/modules/success'
import { orderRateReport } from '../../electron/main/modules/offers'
import { renewalReport } from '../../electron/main/modules/contracts'
import { npsReport } from '../../electron/main/modules/service'
import { loadDemoData, DEMO_SIZES } from '../../electron/main/modules/demo/demo-data.service'
import { COMPLAINT_AGES } from '../../shared/modules/success'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-12-16T09:00:00.000Z') // a Wednesday
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const TODAY = '2026-12-16'

describe('the dashboard from a hand-made fixture', () => {
  it('buckets open complaints by Berlin days since received, at the edges of each bucket', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ customerNumber: 'K-1' }))
    const complaint = (receivedAt: string, subject: string) => must<{ id: string }>('cases.create', { type: 'complaint', companyId: company.id, channel: 'phone', receivedAt, subject, description: '', priority: 'normal' })
    await complaint('2026-12-08T23:30:00.000Z', 'sieben Tage') // 9 December in Berlin: 7 days → week
    await complaint('2026-12-08T22:30:00.000Z', 'acht Tage') // 8 December 23:30 in Berlin: 8 days → month
    await complaint('2026-11-16T10:00:00.000Z', 'dreißig Tage') // 30 days → month
    await complaint('2026-09-17T10:00:00.000Z', 'neunzig Tage') // 90 days → quarter
    await complaint('2026-09-16T10:00:00.000Z', 'einundneunzig Tage') // 91 days → older
    const closed = await complaint('2026-12-10T10:00:00.000Z', 'erledigt')
    await t.ctx.db.updateTable('cases').set({ status: 'closed' }).where('id', '=', closed.id).execute()
    await must('cases.create', { type: 'service_request', companyId: company.id, channel: 'phone', receivedAt: '2026-12-10T10:00:00.000Z', subject: 'keine Reklamation', description: '', priority: 'normal' })

    const d = await managerDashboard(t.ctx, { today: TODAY })
    expect(d.complaints).toEqual([{ age: 'week', count: 1 }, { age: 'month', count: 2 }, { age: 'quarter', count: 1 }, { age: 'older', count: 1 }])
    const titles = async (age: string) => (await dashboardRows(t.ctx, { tile: 'complaints', key: age, today: TODAY })).rows.map((r) => r.title.split(' – ')[1])
    expect(await titles('week')).toEqual(['sieben Tage'])
    expect(await titles('month')).toEqual(['dreißig Tage', 'acht Tage'])
    expect(await titles('quarter')).toEqual(['neunzig Tage'])
    expect(await titles('older')).toEqual(['einundneunzig Tage'])
  })

  it('counts touchpoints per rep and Berlin week (Monday to Sunday), the last eight weeks', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ customerNumber: 'K-1' }))
    const touchpoint = (occurredAt: string) => must('touchpoints.create', { companyId: company.id, occurredAt, channel: 'phone', direction: 'outbound', mode: 'direct', station: 'offer', summary: `Anruf ${occurredAt}` })
    await touchpoint('2026-12-13T22:59:00.000Z') // Sunday 13 Dec 23:59 in Berlin: the week of 7 December
    await touchpoint('2026-12-13T23:00:00.000Z') // Monday 14 Dec 00:00 in Berlin: this week
    await touchpoint('2026-12-15T09:00:00.000Z')
    await touchpoint('2026-10-26T09:00:00.000Z') // Monday 26 October: the first of the eight weeks
    await touchpoint('2026-10-25T09:00:00.000Z') // the Sunday before it: not shown

    const { activity } = await managerDashboard(t.ctx, { today: TODAY })
    expect(activity.weeks).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14'])
    expect(activity.reps).toHaveLength(1)
    expect(activity.reps[0]).toMatchObject({ userId: t.ctx.userId, counts: [1, 0, 0, 0, 0, 0, 1, 2] })
    const rows = await dashboardRows(t.ctx, { tile: 'activity', key: `${t.ctx.userId}:2026-12-14` })
    expect(rows.rows.map((r) => r.day)).toEqual(['2026-12-14', '2026-12-15'])
  })

  it('counts the early warnings of the last 90 days per rule and how many of their tasks are done', async () => {
    const company = await must<{ id: string; contactId: string | null }>('companies.create', validCompany({ customerNumber: 'K-1', status: 'customer' }))
    const answer = (givenOn: string, score: number) => must('feedback.create', { companyId: company.id, kind: 'nps', station: 'usage', givenOn, score, comment: '', quotePermission: false })
    await answer('2026-12-10', 3)
    await answer('2026-12-14', 2)
    let d = await managerDashboard(t.ctx, { today: TODAY })
    expect(d.triggers).toMatchObject({ from: '2026-09-18', to: TODAY, total: { fired: 2, tasks: 2, done: 0 } })
    expect(d.triggers.rows.find((r) => r.signal === 'detractor')).toEqual({ signal: 'detractor', fired: 2, tasks: 2, done: 0 })
    const task = await t.ctx.db.selectFrom('tasks').select('id').where('trigger_firing_id', 'is not', null).orderBy('due_date').executeTakeFirstOrThrow()
    await must('tasks.complete', { id: task.id, outcome: 'Angerufen, Termin vereinbart' })
    d = await managerDashboard(t.ctx, { today: TODAY })
    expect(d.triggers.total).toEqual({ fired: 2, tasks: 2, done: 1 })
    // The 90 days end today: a month later, a firing of 10 December is still in, on 10 March no longer.
    expect((await managerDashboard(t.ctx, { today: '2027-03-09' })).triggers.total.fired).toBe(2)
    expect((await managerDashboard(t.ctx, { today: '2027-03-11' })).triggers.total.fired).toBe(1)
  })

  it('refuses a selection the dashboard does not have, at the field', async () => {
    for (const input of [{ tile: 'valueAtStake', key: '2026-13' }, { tile: 'complaints', key: 'forever' }, { tile: 'activity', key: 'x:2026-12-15' }, { tile: 'activity', key: 'nouser' }]) {
      expect(await dispatch(t.app, 'reports.dashboardRows', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'validation', fields: { key: 'errors.dashboardKey' } } })
    }
    expect(await dispatch(t.app, 'reports.dashboardRows', { tile: 'offers', key: '2026-12' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { tile: 'errors.invalidChoice' } } })
  })
})

describe('the dashboard on the demo data', () => {
  beforeEach(async () => {
    await loadDemoData(t.ctx, DEMO_SIZES.small)
  })

  it('shows the rates of the reports and lists behind every tile exactly what the tile counts', async () => {
    const d = await managerDashboard(t.ctx, { today: TODAY })
    const red = await t.ctx.db.selectFrom('company_health').select(['company_id', 'score']).where('light', '=', 'red').orderBy('score').execute()
    expect(d.atRiskCount).toBe(red.length)
    expect(d.atRisk.map((a) => a.score)).toEqual(red.slice(0, 10).map((r) => r.score))
    for (const a of d.atRisk) expect(a.reasons.length, a.companyName).toBeGreaterThan(0)
    expect(d.valueAtStake.map((m) => m.month)).toEqual(['2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10', '2027-11'])
    expect(d.valueAtStake.some((m) => m.contracts > 0), 'the demo data has contracts to renew').toBe(true)
    for (const m of d.valueAtStake) {
      const rows = await dashboardRows(t.ctx, { tile: 'valueAtStake', key: m.month, today: TODAY })
      expect(rows.rows.length, m.month).toBe(m.contracts)
      expect(rows.rows.reduce((sum, r) => sum + (r.valueCents ?? 0), 0), m.month).toBe(m.annualValueCents)
    }
    for (const c of d.complaints) expect((await dashboardRows(t.ctx, { tile: 'complaints', key: c.age, today: TODAY })).rows.length, c.age).toBe(c.count)
    expect(d.complaints.map((c) => c.age)).toEqual([...COMPLAINT_AGES])
    for (const rep of d.activity.reps) {
      for (const [i, n] of rep.counts.entries()) expect((await dashboardRows(t.ctx, { tile: 'activity', key: `${rep.userId}:${d.activity.weeks[i]}` })).rows.length).toBe(n)
    }
    expect(d.activity.reps.reduce((sum, r) => sum + r.counts.reduce((a, b) => a + b, 0), 0), 'the demo team was active').toBeGreaterThan(0)

    expect(d.triggers).toEqual({ from: '2026-09-18', to: TODAY, ...await triggerReport(t.ctx, { from: '2026-09-18', to: TODAY }) })

    const orders = await orderRateReport(t.ctx, { from: '2026-01-01', to: TODAY, period: 'month', ownerId: '', segment: '' })
    const december = orders.byPeriod.find((r) => r.key === '2026-12')
    expect(d.orderRate.at(-1)).toEqual({ month: '2026-12', decided: december?.decided ?? 0, won: december?.won ?? 0, rate: december?.rateByCount ?? null })
    expect(d.orderRate[0]!.month).toBe('2026-01')
    const renewals = await renewalReport(t.ctx, { from: '2025-01-01', to: '2026-12-31', period: 'quarter', ownerId: '' })
    expect(d.renewalRate.map((q) => q.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
    for (const q of d.renewalRate) expect(q.due, q.quarter).toBe(renewals.byPeriod.find((r) => r.key === q.quarter)?.due ?? 0)
    const nps = await npsReport(t.ctx, { from: '2025-01-01', to: TODAY, period: 'quarter' })
    for (const q of d.nps) expect(q.nps, q.quarter).toBe(nps.byPeriod.find((r) => r.key === q.quarter)?.nps ?? null)
  })
})
