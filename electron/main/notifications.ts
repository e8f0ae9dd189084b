// Desktop: a system notification when follow-ups are due (at start, then every 30 minutes; again
// only when the number grows or a new day begins).
import { Notification } from 'electron'
import { translate } from '../../shared/i18n'
import type { ServiceContext } from './services/context'
import { workList } from './services/follow-up.service'
import { getSettings } from './services/settings.service'

export function startDueNotifications(ctx: ServiceContext): () => void {
  let last = { day: '', count: 0 }
  const check = async () => {
    if (!Notification.isSupported()) return
    const list = await workList(ctx, { ownerId: '' })
    const count = list.overdue.length + list.dueToday.length
    if (count === 0 || (last.day === list.today && count <= last.count)) return
    last = { day: list.today, count }
    const { language } = await getSettings(ctx)
    new Notification({ title: 'Kundenreise', body: translate(language, 'followUp.dueNotice', { count }) }).show()
  }
  const run = () => void check().catch((err: unknown) => console.error('[kundenreise] due notification failed', err))
  run()
  const timer = setInterval(run, 30 * 60_000)
  return () => clearInterval(timer)
}
