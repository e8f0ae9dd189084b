// Desktop: due tasks and appointments about to start as system notifications (every minute, each once — the
// schedule is reminder-schedule.ts); a click brings the window to the front and opens the record.
import { BrowserWindow, Notification } from 'electron'
import type { Reminder } from '../../shared/modules/planning'
import type { ServiceContext } from './platform/context'
import { dueReminders } from './modules/planning'
import { getSettings } from './modules/settings'
import { reminderRoute, reminderSchedule, reminderText } from './reminder-schedule'

function open(href: string): void {
  const route = reminderRoute(href)
  const window = BrowserWindow.getAllWindows()[0]
  if (!route || !window) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
  // The renderer routes by the hash; the route is one of ours (checked above) and travels as a string literal.
  void window.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(`#${route}`)}`)
}

export function startReminderNotifications(ctx: ServiceContext): () => void {
  const schedule = reminderSchedule({
    due: () => (Notification.isSupported() ? dueReminders(ctx) : Promise.resolve([])),
    show: async (r: Reminder) => {
      const { language } = await getSettings(ctx)
      const notification = new Notification(reminderText(language, r))
      notification.on('click', () => open(r.href))
      notification.show()
    },
  })
  const run = () => void schedule.tick().catch((err: unknown) => console.error('[kundenreise] reminder notification failed', err))
  run()
  const timer = setInterval(run, 60_000)
  return () => clearInterval(timer)
}
