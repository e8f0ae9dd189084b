// Desktop: a system notification when follow-ups or reminders are due or service cases overdue (at start, then every 30 minutes; again
// only when the number grows or a new day begins).
import { Notification } from 'electron'
import { translate } from '../../shared/i18n'
import type { ServiceContext } from './platform/context'
import { serviceWorkList } from './modules/service'
import { workList } from './modules/worklist'
import { getSettings } from './modules/settings'

export function startDueNotifications(ctx: ServiceContext): () => void {
  let last = { day: '', count: 0 }
  const check = async () => {
    if (!Notification.isSupported()) return
    const list = await workList(ctx, { ownerId: '', limit: 1 })
    const due = list.counts.overdue + list.counts.dueToday
    const overdueCases = (await serviceWorkList(ctx, { ownerId: '' })).teamOverdue.length
    const count = due + overdueCases
    if (count === 0 || (last.day === list.today && count <= last.count)) return
    last = { day: list.today, count }
    const { language } = await getSettings(ctx)
    const body = [due > 0 ? translate(language, 'followUp.dueNotice', { count: due }) : '', overdueCases > 0 ? translate(language, 'service.overdueNotice', { count: overdueCases }) : '']
    new Notification({ title: 'Kundenreise', body: body.filter(Boolean).join(' ') }).show()
  }
  const run = () => void check().catch((err: unknown) => console.error('[kundenreise] due notification failed', err))
  run()
  const timer = setInterval(run, 30 * 60_000)
  return () => clearInterval(timer)
}
