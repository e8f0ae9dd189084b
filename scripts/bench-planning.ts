// The rep's day on the large set (issue 16: 50,000 tasks, 20,000 appointments): the work list with tasks (one rep's
// and the team's), the week view of the rep with the most appointments this week, and the visit briefing (on screen
// and as PDF) of a customer with an appointment in the coming week. Called by scripts/bench.ts on the open bench set.
import { addCalendarDays } from '../shared/platform/calendar/german-holidays'
import { todayOf, type ServiceContext } from '../electron/main/platform/context'
import { workList } from '../electron/main/modules/worklist'
import { briefingPdf, getBriefing, weekView } from '../electron/main/modules/planning'

type Report = (name: string, fn: () => Promise<unknown>) => Promise<void>

export async function benchPlanning(ctx: ServiceContext, report: Report, emit: (name: string, value: number, unit: string) => void): Promise<void> {
  const today = todayOf(ctx)
  const monday = addCalendarDays(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7))
  const busiest = await ctx.db.selectFrom('appointments').select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('starts_at', '>=', `${monday}T00:00`).where('starts_at', '<', `${addCalendarDays(monday, 7)}T00:00`).where('deleted_at', 'is', null)
    .groupBy('owner_id').orderBy('n', 'desc').limit(1).executeTakeFirst()
  const rep = busiest?.owner_id ?? ctx.userId
  const openTasks = await ctx.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').where('deleted_at', 'is', null).executeTakeFirstOrThrow()
  emit('planning.open_tasks', Number(openTasks.n), 'rows')
  await report('planning.work_list_with_tasks.rep', () => workList(ctx, { ownerId: rep }))
  await report('planning.work_list_with_tasks.team', () => workList(ctx, { ownerId: '' }))
  await report('planning.week_view.rep', () => weekView(ctx, { weekStart: monday, ownerId: rep }))
  const next = await ctx.db.selectFrom('appointments').select(['id', 'company_id']).where('status', '=', 'planned').where('deleted_at', 'is', null)
    .where('starts_at', '>=', `${today}T00:00`).orderBy('starts_at').limit(1).executeTakeFirst()
  if (next) {
    await report('planning.briefing', () => getBriefing(ctx, { companyId: next.company_id, appointmentId: next.id }))
    await report('planning.briefing_pdf', () => briefingPdf(ctx, { companyId: next.company_id, appointmentId: next.id, language: 'de' }))
  }
}
