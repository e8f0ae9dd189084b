// The records behind a dashboard tile: the contracts of a cancel-by month, the open complaints of an age, one rep's
// touchpoints of one week. Each row links to its page. (The rate tiles open their reports, which list their own.)
import { sql } from 'kysely'
import { renewingContract } from '../../../../db/modules/contracts'
import { inList } from '../../../../db/platform/sql-values'
import { berlinDay, berlinDayStart } from '../../../../shared/platform/berlin-time'
import { addCalendarDays } from '../../../../shared/platform/calendar/german-holidays'
import { OPEN_CASE_STATUSES } from '../../../../shared/modules/service'
import { COMPLAINT_AGE_DAYS, COMPLAINT_AGES, type ComplaintAge, type DashboardRow, type DashboardRows, type DashboardRowTile } from '../../../../shared/modules/success'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { fieldError } from '../../../../shared/platform/result'
import { todayOf, type ServiceContext } from '../../platform/context'
import { addMonths, complaintAge, mondayOf } from './dashboard.service'

const LIMIT = 500
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
const ID = /^[A-Za-z0-9-]{1,64}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

const badKey = () => fieldError('key', 'errors.dashboardKey')
const page = (tile: DashboardRowTile, key: string, rows: DashboardRow[]): DashboardRows => ({ tile, key, rows: rows.slice(0, LIMIT), more: rows.length > LIMIT })

export async function dashboardRows(ctx: ServiceContext, q: { tile: DashboardRowTile; key: string; today?: string }): Promise<DashboardRows> {
  const today = q.today ?? todayOf(ctx)
  if (q.tile === 'valueAtStake') return page(q.tile, q.key, await contractsOfMonth(ctx, q.key))
  if (q.tile === 'complaints') return page(q.tile, q.key, await complaintsOfAge(ctx, q.key, today))
  return page(q.tile, q.key, await touchpointsOfWeek(ctx, q.key))
}

async function contractsOfMonth(ctx: ServiceContext, month: string): Promise<DashboardRow[]> {
  if (!MONTH.test(month)) throw badKey()
  const rows = await ctx.db.selectFrom('contracts as k').innerJoin('companies as c', 'c.id', 'k.company_id').leftJoin('users as u', 'u.id', 'k.owner_id')
    .select(['k.id', 'k.number', 'k.company_id', 'c.name', 'k.cancel_by', 'k.annual_value_cents', 'u.display_name'])
    .where('k.deleted_at', 'is', null).where(renewingContract('k'))
    .where('k.cancel_by', '>=', `${month}-01`).where('k.cancel_by', '<', `${addMonths(month, 1)}-01`)
    .orderBy('k.cancel_by').orderBy('k.annual_value_cents', 'desc').limit(LIMIT + 1).execute()
  return rows.map((r) => ({
    id: r.id, href: `/contracts/${r.id}`, title: r.number, companyId: r.company_id, companyName: r.name, day: r.cancel_by, valueCents: r.annual_value_cents, ownerName: r.display_name ?? '',
  }))
}

async function complaintsOfAge(ctx: ServiceContext, age: string, today: string): Promise<DashboardRow[]> {
  if (!isOneOf(COMPLAINT_AGES, age)) throw badKey()
  // Received on a Berlin day within the bucket: from its oldest day to its newest, as instants.
  const newest = age === 'week' ? 0 : COMPLAINT_AGE_DAYS[previousAge(age)] + 1
  const oldest = age === 'older' ? null : COMPLAINT_AGE_DAYS[age]
  let query = ctx.db.selectFrom('cases as k').innerJoin('companies as c', 'c.id', 'k.company_id').leftJoin('users as u', 'u.id', 'k.owner_id')
    .select(['k.id', 'k.number', 'k.subject', 'k.company_id', 'c.name', 'k.received_at', 'u.display_name'])
    .where('k.deleted_at', 'is', null).where('k.type', '=', sql.lit('complaint')).where(inList(sql.ref('k.status'), OPEN_CASE_STATUSES))
    .where('k.received_at', '<', berlinDayStart(addCalendarDays(today, 1 - newest)))
  if (oldest !== null) query = query.where('k.received_at', '>=', berlinDayStart(addCalendarDays(today, -oldest)))
  const rows = await query.orderBy('k.received_at').limit(LIMIT + 1).execute()
  return rows.filter((r) => complaintAge(Math.round((Date.parse(today) - Date.parse(berlinDay(r.received_at))) / 86_400_000)) === age).map((r) => ({
    id: r.id, href: `/cases/${r.id}`, title: `${r.number} – ${r.subject}`, companyId: r.company_id, companyName: r.name, day: berlinDay(r.received_at), valueCents: null, ownerName: r.display_name ?? '',
  }))
}

const previousAge = (age: Exclude<ComplaintAge, 'week'>): Exclude<ComplaintAge, 'older'> => (age === 'month' ? 'week' : age === 'quarter' ? 'month' : 'quarter')

async function touchpointsOfWeek(ctx: ServiceContext, key: string): Promise<DashboardRow[]> {
  const [userId = '', monday = ''] = key.split(':')
  if (!ID.test(userId) || !DAY.test(monday) || mondayOf(monday) !== monday) throw badKey()
  const rows = await ctx.db.selectFrom('touchpoints as t').innerJoin('companies as c', 'c.id', 't.company_id').leftJoin('users as u', 'u.id', 't.created_by')
    .select(['t.id', 't.summary', 't.company_id', 'c.name', 't.occurred_at', 'u.display_name'])
    .where('t.deleted_at', 'is', null).where('t.created_by', '=', userId)
    .where('t.occurred_at', '>=', berlinDayStart(monday)).where('t.occurred_at', '<', berlinDayStart(addCalendarDays(monday, 7)))
    .orderBy('t.occurred_at').limit(LIMIT + 1).execute()
  return rows.map((r) => ({
    id: r.id, href: `/companies/${r.company_id}`, title: r.summary.length > 120 ? `${r.summary.slice(0, 119)}…` : r.summary, companyId: r.company_id, companyName: r.name,
    day: berlinDay(r.occurred_at), valueCents: null, ownerName: r.display_name ?? '',
  }))
}
