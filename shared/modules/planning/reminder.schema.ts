// The reminders of the desktop (issue 16): due tasks and the next appointment, as system notifications on the
// desktop and as an in-app notice in web mode. How many minutes before an appointment it reminds is a device
// setting (not synced): stored in app_settings under `reminderLeadMinutes`, edited through settings.update.
import { z } from 'zod'

export const remindersDueSchema = z.object({}).strict()
export interface Reminder {
  /** Stable per task due / appointment start, so a notice is shown once (a moved one is a new key). */
  key: string
  kind: 'task' | 'appointment'
  title: string
  companyName: string
  /** When it is due or starts (German wall-clock "YYYY-MM-DDTHH:MM", or a day for a task without time). */
  at: string
  href: string
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
