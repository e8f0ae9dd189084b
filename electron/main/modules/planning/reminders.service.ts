// The reminders due now for the user working on this device (`reminders.due`): their open tasks due today whose
// time has come (or that have none), and their planned appointments (owned or joined as a colleague) that start
// within the lead time (a device setting, 15 minutes unless set). Each has a key that names the task's due time or
// the appointment's start, so the desktop and the in-app notice show it once, and again only when it was moved.
import { berlinLocalTime } from '../../../../shared/platform/berlin-time'
import { REMINDER_LEAD_SETTING, storedReminderLead, storedTitleRef, type Reminder } from '../../../../shared/modules/planning'
import { todayOf, type ServiceContext } from '../../platform/context'
import { appointmentQuery } from './appointment-rows'

/** The lead time this device reminds with, in minutes (app_settings, edited through settings.update). */
export async function reminderLeadMinutes(ctx: Pick<ServiceContext, 'db'>): Promise<number> {
  const row = await ctx.db.selectFrom('app_settings').select('value').where('key', '=', REMINDER_LEAD_SETTING).executeTakeFirst()
  return storedReminderLead(row?.value)
}

export async function dueReminders(ctx: ServiceContext): Promise<Reminder[]> {
  const now = ctx.clock()
  const today = todayOf(ctx)
  const nowLocal = berlinLocalTime(now.toISOString())
  const untilLocal = berlinLocalTime(new Date(now.getTime() + (await reminderLeadMinutes(ctx)) * 60_000).toISOString())
  const userId = ctx.userId
  const tasks = await ctx.db.selectFrom('tasks as t').innerJoin('companies as c', 'c.id', 't.company_id')
    .select(['t.id', 't.title', 't.title_key', 't.title_params', 't.due_date', 't.due_time', 'c.name as company_name'])
    .where('t.owner_id', '=', userId).where('t.status', '=', 'open').where('t.due_date', '=', today).where('t.deleted_at', 'is', null).where('c.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('t.due_time', 'is', null), eb('t.due_time', '<=', nowLocal.slice(11))]))
    .orderBy('t.due_time').orderBy('t.title').limit(50).execute()
  const starting = await appointmentQuery(ctx.db).where('a.status', '=', 'planned').where('a.starts_at', '>=', nowLocal).where('a.starts_at', '<=', untilLocal)
    .where((eb) => eb.or([
      eb('a.owner_id', '=', userId),
      eb('a.id', 'in', eb.selectFrom('appointment_participants').select('appointment_id').where('user_id', '=', userId).where('deleted_at', 'is', null)),
    ]))
    .orderBy('a.starts_at').limit(50).execute()
  return [
    ...starting.map((a): Reminder => ({ key: `appointment:${a.id}:${a.starts_at}`, kind: 'appointment', title: a.title, companyName: a.company_name, at: a.starts_at, href: `/appointments/${a.id}` })),
    ...tasks.map((t): Reminder => {
      const at = t.due_time ? `${t.due_date}T${t.due_time}` : t.due_date
      return { key: `task:${t.id}:${at}`, kind: 'task', title: t.title, titleRef: storedTitleRef(t.title_key, t.title_params), companyName: t.company_name, at, href: `/tasks/${t.id}` }
    }),
  ]
}
