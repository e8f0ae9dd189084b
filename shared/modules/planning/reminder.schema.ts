// The reminders of the desktop (issue 16): due tasks and the next appointment, as system notifications on the
// desktop and as an in-app notice in web mode. How many minutes before an appointment it reminds is a device
// setting (not synced): stored in app_settings under `reminderLeadMinutes`, edited through settings.update.
import { z } from 'zod'
import type { MessageRef } from '../../platform/event-message'

export const remindersDueSchema = z.object({}).strict()
export interface Reminder {
  /** Stable per task due / appointment start, so a notice is shown once (a moved one is a new key). */
  key: string
  kind: 'task' | 'appointment'
  title: string
  /** A task title the app made, to render in the reader's language. */
  titleRef?: MessageRef | null
  companyName: string
  /** When it is due or starts (German wall-clock "YYYY-MM-DDTHH:MM", or a day for a task without time). */
  at: string
  href: string
  /** A summary of several tasks due at once ("4 Aufgaben heute fällig"): how many. */
  count?: number
}

/** More task reminders than this at once become one summary (a morning's tasks without a time would be a burst). */
export const REMINDER_TASKS_AT_ONCE = 3

/**
 * The reminders to show, from those newly due: appointments each on their own; tasks each on their own unless more
 * than REMINDER_TASKS_AT_ONCE arrive together, then one summary leading to the work list. Pure (desktop and web).
 */
export function groupReminders(fresh: Reminder[]): Reminder[] {
  const tasks = fresh.filter((r) => r.kind === 'task')
  if (tasks.length <= REMINDER_TASKS_AT_ONCE) return fresh
  const summary: Reminder = {
    key: `tasks:${tasks.map((r) => r.key).sort().join('|')}`, kind: 'task', title: '', companyName: '', at: tasks[0]!.at.slice(0, 10), href: '/follow-ups', count: tasks.length,
  }
  return [...fresh.filter((r) => r.kind !== 'task'), summary]
}

/** Minutes before an appointment's start its reminder comes, unless the device says otherwise. */
export const DEFAULT_REMINDER_LEAD_MINUTES = 15
export const REMINDER_LEAD_SETTING = 'reminderLeadMinutes'

/** The planning part of the device settings (the settings module composes it into `settings.get`/`settings.update`). */
export const planningDeviceSettingsShape = {
  reminderLeadMinutes: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(240, 'errors.appointmentReminderLead'),
}

/** The lead time as stored (a text in app_settings); the default when missing or damaged. */
export function storedReminderLead(value: string | undefined): number {
  const parsed = planningDeviceSettingsShape.reminderLeadMinutes.safeParse(value === undefined || value.trim() === '' ? NaN : Number(value))
  return parsed.success ? parsed.data : DEFAULT_REMINDER_LEAD_MINUTES
}
