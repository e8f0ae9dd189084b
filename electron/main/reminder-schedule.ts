// When a desktop reminder fires, without Electron (so it is tested in plain Node): every tick asks which reminders
// are due now and shows each key it has not shown before — once per key for the life of the app, so a reminder is
// not repeated every minute, and a moved appointment (a new key) reminds again. The notification's words are the
// reader's language; where a click leads is checked to be one of the app's own routes.
import { taskTitleText } from '../../shared/i18n/event-text'
import { translate } from '../../shared/i18n'
import { groupReminders, type Reminder } from '../../shared/modules/planning'

type Language = 'de' | 'en'

export interface ReminderSchedule {
  /** Asks for the reminders due and shows the new ones; answers those shown. */
  tick(): Promise<Reminder[]>
}

/** `due`: the reminders due now; `show`: one notification. Keys are remembered up to `memory` (the oldest forgotten first). */
export function reminderSchedule(options: { due(): Promise<Reminder[]>; show(reminder: Reminder): void | Promise<void>; memory?: number }): ReminderSchedule {
  const shown = new Set<string>()
  const memory = options.memory ?? 2000
  let running: Promise<Reminder[]> | null = null
  const once = async (): Promise<Reminder[]> => {
    const fresh = (await options.due()).filter((r) => !shown.has(r.key))
    for (const r of fresh) {
      shown.add(r.key)
      if (shown.size > memory) shown.delete(shown.values().next().value!)
    }
    // A burst of tasks (the morning's, at start) is one notification.
    const notices = groupReminders(fresh)
    for (const r of notices) await options.show(r)
    return notices
  }
  // A slow tick is not overtaken by the next one (which would show the same reminder twice).
  return { tick: () => (running ??= once().finally(() => (running = null))) }
}

/** The notification of a reminder: "Termin um 10:30 Uhr" / the task, and the customer. */
export function reminderText(language: Language, r: Reminder): { title: string; body: string } {
  if (r.count) return { title: translate(language, 'appointment.reminder.tasks', { count: r.count }), body: '' }
  return r.kind === 'appointment'
    ? { title: translate(language, 'appointment.reminder.appointment', { time: r.at.slice(11), title: r.title, company: r.companyName }), body: r.companyName }
    : { title: translate(language, 'appointment.reminder.task', { title: taskTitleText(language, r), company: r.companyName }), body: r.companyName }
}

/** The app route a click opens: only an appointment's or a task's page, or the work list (a summary of tasks). */
export const reminderRoute = (href: string): string | null => (/^\/(appointments|tasks)\/[A-Za-z0-9-]{1,64}$/.test(href) || href === '/follow-ups' ? href : null)
