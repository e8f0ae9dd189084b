// The reminders of the desktop (issue 16): due tasks and the next appointment, as system notifications on the
// desktop and as an in-app notice in web mode.
import { z } from 'zod'

export const remindersDueSchema = z.object({}).strict()
export interface Reminder {
  /** Stable per task due / appointment start, so a notice is shown once. */
  key: string
  kind: 'task' | 'appointment'
  title: string
  companyName: string
  /** When it is due or starts (German wall-clock "YYYY-MM-DDTHH:MM", or a day for a task without time). */
  at: string
  href: string
}
