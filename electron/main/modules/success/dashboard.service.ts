// The manager's dashboard (issue 17): the team's state in one read — value at stake by cancel-by month, the order
// and renewal rate trends, open complaints by age, the NPS trend, the early warnings fired and the team's activity. The rate tiles reuse the
// reports' own roll-ups (the same numbers as their pages); the rest are one grouped query each.
import { sql } from 'kysely'
import { renewingContract } from '../../../../db/modules/contracts'
import { inList } from '../../../../db/platform/sql-values'
import { addCalendarDays } from '../../../../shared/platform/calendar/german-holidays'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import { OPEN_CASE_STATUSES } from '../../../../shared/modules/service'
import { COMPLAINT_AGE_DAYS, COMPLAINT_AGES, type ComplaintAge, type Dashboard, type HealthReason } from '../../../../shared/modules/success'
import { todayOf, type ServiceContext } from '../../platform/context'
import { orderRateReport } from '../offers'
import { renewalReport } from '../contracts'
import { npsReport } from '../service'
import { triggerReport } from './trigger-firings.service'

const WEEKS = 8
const QUARTERS = 8
const MONTHS = 12
/** The early-warning tile looks back this many days (today included). */
export const TRIGGER_DAYS = 90

/** "YYYY-MM" `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}
const lastDayOf = (month: string): string => addCalendarDays(`${addMonths(month, 1)}-01`, -1)
const quarterOf = (month: string): string => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) + 2) / 3)}`
/** The Monday of the week of `day` (ISO weeks run Monday to Sunday). */
export const mondayOf = (day: string): string => addCalendarDays(day, -((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7))
/** The age bucket of an open complaint received `days` ago. */
export const complaintAge = (days: number): ComplaintAge =>
  days <= COMPLAINT_AGE_DAYS.week ? 'week' : days <= COMPLAINT_AGE_DAYS.month ? 'month' : days <= COMPLAINT_AGE_DAYS.quarter ? 'quarter' : 'older'
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

export async function managerDashboard(ctx: ServiceContext, q: { today?: string }): Promise<Dashboard> {
  const today = q.today ?? todayOf(ctx)
  const month = today.slice(0, 7)
  // The tiles are read side by side: the one connection runs one tile's query while another tile's rows are
  // counted in JavaScript (the renewal trend computes every contract's terms), which halves the wait on two cores.
  const [risk, stake, orderRate, renewalRate, complaints, nps, triggers, team] = await Promise.all([
    accountsAtRisk(ctx), valueAtStake(ctx, month), orderRateTrend(ctx, month, today), renewalRateTrend(ctx, month),
    openComplaints(ctx, today), npsTrend(ctx, month, today), triggersFired(ctx, today), activity(ctx, today),
  ])
  return { today, ...risk, valueAtStake: stake, orderRate, renewalRate, complaints, nps, triggers, activity: team }
}

/** Red customers (the health score's light), lowest score first, with the annual value of their renewing contracts. */
async function accountsAtRisk(ctx: ServiceContext): Promise<Pick<Dashboard, 'atRisk' | 'atRiskCount'>> {
  const red = ctx.db.selectFrom('company_health as h').innerJoin('companies as c', 'c.id', 'h.company_id')
    .where('h.light', '=', 'red').where('c.deleted_at', 'is', null)
  const count = await red.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await red.leftJoin('users as u', 'u.id', 'c.owner_id')
    .select(['h.company_id', 'c.name', 'h.score', 'h.reasons', 'u.display_name'])
    .select(sql<number>`(select coalesce(sum(k.annual_value_cents), 0) from contracts k where k.company_id = h.company_id and k.deleted_at is null and ${renewingContract('k')})`.as('value'))
    .orderBy('h.score').orderBy('c.name').limit(10).execute()
  return {
    atRiskCount: Number(count.n),
    atRisk: rows.map((r) => ({
      companyId: r.company_id, companyName: r.name, score: r.score, ownerName: r.display_name ?? '', annualValueCents: Number(r.value ?? 0),
      reasons: JSON.parse(r.reasons) as HealthReason[],
    })),
  }
}

async function valueAtStake(ctx: ServiceContext, month: string): Promise<Dashboard['valueAtStake']> {
  const last = addMonths(month, MONTHS - 1)
  const rows = await ctx.db.selectFrom('contracts as k')
    .select([sql<string>`substr(k.cancel_by, 1, 7)`.as('month'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('k.annual_value_cents').as('value')])
    .where('k.deleted_at', 'is', null).where(renewingContract('k'))
    .where('k.cancel_by', '>=', `${month}-01`).where('k.cancel_by', '<=', lastDayOf(last))
    .groupBy(sql`substr(k.cancel_by, 1, 7)`).execute()
  const byMonth = new Map(rows.map((r) => [r.month, r]))
  return Array.from({ length: MONTHS }, (_, i) => {
    const m = addMonths(month, i)
    const r = byMonth.get(m)
    return { month: m, contracts: Number(r?.n ?? 0), annualValueCents: Number(r?.value ?? 0) }
  })
}

async function orderRateTrend(ctx: ServiceContext, month: string, today: string): Promise<Dashboard['orderRate']> {
  const first = addMonths(month, -(MONTHS - 1))
  const report = await orderRateReport(ctx, { from: `${first}-01`, to: today, period: 'month', ownerId: '', segment: '' })
  const byMonth = new Map(report.byPeriod.map((r) => [r.key, r]))
  return Array.from({ length: MONTHS }, (_, i) => {
    const m = addMonths(first, i)
    const r = byMonth.get(m)
    return { month: m, decided: r?.decided ?? 0, won: r?.won ?? 0, rate: r?.rateByCount ?? null }
  })
}

async function renewalRateTrend(ctx: ServiceContext, month: string): Promise<Dashboard['renewalRate']> {
  const firstQuarterMonth = addMonths(`${month.slice(0, 4)}-${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`, -3 * (QUARTERS - 1))
  const report = await renewalReport(ctx, { from: `${firstQuarterMonth}-01`, to: lastDayOf(addMonths(firstQuarterMonth, 3 * QUARTERS - 1)), period: 'quarter', ownerId: '' })
  const byQuarter = new Map(report.byPeriod.map((r) => [r.key, r]))
  return Array.from({ length: QUARTERS }, (_, i) => {
    const quarter = quarterOf(addMonths(firstQuarterMonth, 3 * i))
    const r = byQuarter.get(quarter)
    return { quarter, due: r?.due ?? 0, renewed: r?.renewed ?? 0, rate: r?.rateByCount ?? null }
  })
}

async function openComplaints(ctx: ServiceContext, today: string): Promise<Dashboard['complaints']> {
  // Grouped by the day received (few distinct days), bucketed here by Berlin days.
  const rows = await ctx.db.selectFrom('cases')
    .select([sql<string>`substr(received_at, 1, 13)`.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null).where('type', '=', sql.lit('complaint')).where(inList(sql.ref('status'), OPEN_CASE_STATUSES))
    .groupBy(sql`substr(received_at, 1, 13)`).execute()
  const counts = new Map<ComplaintAge, number>(COMPLAINT_AGES.map((a) => [a, 0]))
  for (const r of rows) {
    const age = complaintAge(daysBetween(berlinDay(`${r.hour}:00:00.000Z`), today))
    counts.set(age, counts.get(age)! + Number(r.n))
  }
  return COMPLAINT_AGES.map((age) => ({ age, count: counts.get(age)! }))
}

async function npsTrend(ctx: ServiceContext, month: string, today: string): Promise<Dashboard['nps']> {
  const firstQuarterMonth = addMonths(`${month.slice(0, 4)}-${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`, -3 * (QUARTERS - 1))
  const report = await npsReport(ctx, { from: `${firstQuarterMonth}-01`, to: today, period: 'quarter' })
  const byQuarter = new Map(report.byPeriod.map((r) => [r.key, r]))
  return Array.from({ length: QUARTERS }, (_, i) => {
    const quarter = quarterOf(addMonths(firstQuarterMonth, 3 * i))
    const r = byQuarter.get(quarter)
    return { quarter, answers: r?.answers ?? 0, nps: r?.nps ?? null }
  })
}

async function triggersFired(ctx: ServiceContext, today: string): Promise<Dashboard['triggers']> {
  const range = { from: addCalendarDays(today, -(TRIGGER_DAYS - 1)), to: today }
  return { ...range, ...await triggerReport(ctx, range) }
}

async function activity(ctx: ServiceContext, today: string): Promise<Dashboard['activity']> {
  const weeks = Array.from({ length: WEEKS }, (_, i) => addCalendarDays(mondayOf(today), -7 * (WEEKS - 1 - i)))
  // Grouped by writer and UTC hour in SQL (few rows), then put into Berlin weeks.
  const rows = await ctx.db.selectFrom('touchpoints as t').leftJoin('users as u', 'u.id', 't.created_by')
    .select(['t.created_by', 'u.display_name', sql<string>`substr(t.occurred_at, 1, 13)`.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.deleted_at', 'is', null).where('t.occurred_at', '>=', `${addCalendarDays(weeks[0]!, -1)}T00:00`)
    .where('t.occurred_at', '<', `${addCalendarDays(weeks[WEEKS - 1]!, 8)}T00:00`)
    .groupBy(['t.created_by', sql`substr(t.occurred_at, 1, 13)`]).execute()
  const reps = new Map<string, { userId: string; name: string; counts: number[] }>()
  for (const r of rows) {
    const week = weeks.indexOf(mondayOf(berlinDay(`${r.hour}:00:00.000Z`)))
    if (week < 0) continue
    const rep = reps.get(r.created_by) ?? { userId: r.created_by, name: r.display_name ?? '', counts: weeks.map(() => 0) }
    rep.counts[week]! += Number(r.n)
    reps.set(r.created_by, rep)
  }
  return { weeks, reps: [...reps.values()].sort((a, b) => a.name.localeCompare(b.name, 'de') || a.userId.localeCompare(b.userId)) }
}
