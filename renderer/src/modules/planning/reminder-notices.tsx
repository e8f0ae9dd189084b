// The in-app reminders (web mode; the desktop shows system notifications instead, electron/main/reminders.ts): every minute the reminders due now are asked for
// (`reminders.due`), and after every change made in the window, and each one not yet seen shows as a notice — an appointment about to start as an alert, a
// task due as a status — until dismissed. Each key is shown once per browser session (sessionStorage), so a reload
// does not bring back what was dismissed, and a moved appointment (a new key) reminds again.
import { useCallback, useEffect, useState } from 'react'
import { Link } from 'react-router-dom'
import { groupReminders, type Reminder } from '../../../../shared/modules/planning'
import { backgroundCall } from '../../lib/api'
import { useDataVersion } from '../../lib/data-events'
import { useI18n } from '../../lib/i18n'

const STORE = 'kundenreise.reminders.seen'
const EVERY_MS = 60_000

function seenKeys(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORE) ?? '[]')
    return new Set(Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [])
  } catch {
    return new Set()
  }
}
function remember(key: string): void {
  const seen = seenKeys()
  seen.add(key)
  sessionStorage.setItem(STORE, JSON.stringify([...seen].slice(-500)))
}

export function ReminderNotices() {
  const { t, taskTitle } = useI18n()
  const [shown, setShown] = useState<Reminder[]>([])

  const poll = useCallback(async () => {
    const result = await backgroundCall('reminders.due', {})
    if (!result.ok) return
    const seen = seenKeys()
    const due = result.data.filter((r) => !seen.has(r.key))
    for (const r of due) remember(r.key)
    const fresh = groupReminders(due)
    if (fresh.length > 0) setShown((list) => [...list, ...fresh.filter((r) => !list.some((s) => s.key === r.key))])
  }, [])

  // Asked again at once after every change made here (an appointment planned for in ten minutes reminds now).
  const version = useDataVersion()
  useEffect(() => {
    if (window.api) return
    void poll()
    const timer = setInterval(() => void poll(), EVERY_MS)
    return () => clearInterval(timer)
  }, [poll, version])

  const dismiss = (key: string) => setShown((list) => list.filter((r) => r.key !== key))
  if (shown.length === 0) return null
  return (
    <div aria-label={t('appointment.reminder.region')} role="region" className="reminder-notices">
      {shown.map((r) => (
        <div key={r.key} className={`notice${r.kind === 'appointment' ? ' notice--warn' : ''} inline-row`} role={r.kind === 'appointment' ? 'alert' : 'status'}>
          <span className="reminder-notices__text">
            {r.count
              ? t('appointment.reminder.tasks', { count: r.count })
              : r.kind === 'appointment'
                ? t('appointment.reminder.appointment', { time: r.at.slice(11), title: r.title, company: r.companyName })
                : t('appointment.reminder.task', { title: taskTitle(r), company: r.companyName })}
          </span>
          <Link className="button button--small" to={r.href} onClick={() => dismiss(r.key)}>{t('appointment.reminder.open')}</Link>
          <button type="button" className="button button--small button--ghost" aria-label={t('appointment.reminder.dismiss')} onClick={() => dismiss(r.key)}>×</button>
        </div>
      ))}
    </div>
  )
}
