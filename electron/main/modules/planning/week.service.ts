// The week view: Monday to Sunday, my appointments (those I own and those I take part in as a colleague; not the
// cancelled ones) and my open tasks due that week, day by day. Tasks are read with a plain query on the tasks
// table (the tasks service is its own module part); both queries run on the owner/day indexes.
import { storedTitleRef, type WeekTask, type WeekView } from '../../../../shared/modules/planning'
import { addCalendarDays, parseDate, weekday } from '../../../../shared/platform/calendar/calendar-days'
import { berlinLocalTime } from '../../../../shared/platform/berlin-time'
import { todayOf, type ServiceContext } from '../../platform/context'
import { appointmentQuery, toAppointments } from './appointment-rows'

/** The Monday of the week a day lies in. */
export const mondayOf = (day: string): string => addCalendarDays(day, -((weekday(parseDate(day)) + 6) % 7))

async function weekTasks(ctx: ServiceContext, ownerId: string, from: string, to: string): Promise<WeekTask[]> {
  const rows = await ctx.db.selectFrom('tasks as t')
    .innerJoin('companies as c', 'c.id', 't.company_id')
    .leftJoin('contacts as k', (join) => join.onRef('k.id', '=', 't.contact_id').on('k.deleted_at', 'is', null))
    .select(['t.id', 't.company_id', 't.title', 't.title_key', 't.title_params', 't.due_date', 't.due_time', 't.priority', 't.owner_id', 't.status', 'c.name as company_name', 'k.first_name', 'k.last_name'])
    .where('t.owner_id', '=', ownerId).where('t.status', '=', 'open').where('t.deleted_at', 'is', null).where('c.deleted_at', 'is', null)
    .where('t.due_date', '>=', from).where('t.due_date', '<=', to)
    .orderBy('t.due_date').orderBy('t.due_time').orderBy('t.title').limit(2000).execute()
  return rows.map((r) => ({
    id: r.id, companyId: r.company_id, companyName: r.company_name, contactName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(), title: r.title, titleRef: storedTitleRef(r.title_key, r.title_params),
    dueDate: r.due_date, dueTime: r.due_time ?? '', priority: r.priority, ownerId: r.owner_id, status: r.status,
  }))
}

/** The week that contains `weekStart` (any day of it is taken to its Monday; '' is this week); `ownerId` '' is the current user. */
export async function weekView(ctx: ServiceContext, q: { weekStart: string; ownerId: string }): Promise<WeekView> {
  const ownerId = q.ownerId || ctx.userId
  const today = todayOf(ctx)
  const monday = mondayOf(q.weekStart || today)
  const sunday = addCalendarDays(monday, 6)
  const inWeek = <T extends ReturnType<typeof appointmentQuery>>(query: T) =>
    query.where('a.starts_at', '>=', `${monday}T00:00`).where('a.starts_at', '<=', `${sunday}T23:59`).where('a.status', '!=', 'cancelled')
  const owned = await inWeek(appointmentQuery(ctx.db)).where('a.owner_id', '=', ownerId).limit(2000).execute()
  const joined = await inWeek(appointmentQuery(ctx.db))
    .innerJoin('appointment_participants as p', (join) => join.onRef('p.appointment_id', '=', 'a.id').on('p.deleted_at', 'is', null))
    .where('p.user_id', '=', ownerId).where('a.owner_id', '!=', ownerId).limit(2000).execute()
  const seen = new Set<string>()
  const rows = [...owned, ...joined].filter((r) => !seen.has(r.id) && seen.add(r.id)).sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.id.localeCompare(b.id))
  const appointments = await toAppointments(ctx.db, rows)
  const tasks = await weekTasks(ctx, ownerId, monday, sunday)
  const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(monday, i))
  return {
    weekStart: monday, today, now: berlinLocalTime(ctx.clock().toISOString()),
    days: days.map((day) => ({ day, appointments: appointments.filter((a) => a.startsAt.startsWith(day)), tasks: tasks.filter((t) => t.dueDate === day) })),
  }
}
