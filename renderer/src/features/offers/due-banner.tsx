// The in-app notice of due follow-ups (web mode and desktop): how many are due today or overdue.
import { useEffect, useState } from 'react'
import { Link, useLocation } from 'react-router-dom'
import { call } from '../../lib/api'
import { useI18n } from '../../lib/i18n'

const EVERY_MS = 60_000

export function DueFollowUpsBanner() {
  const { t, number } = useI18n()
  const location = useLocation()
  const [due, setDue] = useState(0)
  const [dismissed, setDismissed] = useState(-1)
  useEffect(() => {
    let live = true
    const check = () => void call('followUps.workList', {}).then((r) => live && r.ok && setDue(r.data.overdue.length + r.data.dueToday.length))
    check()
    const timer = setInterval(check, EVERY_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [location.pathname])
  if (due === 0 || dismissed === due || location.pathname === '/follow-ups') return null
  return (
    <div className="due-banner" role="status">
      <span>{t('followUp.dueNotice', { count: number(due) })}</span>
      <Link to="/follow-ups">{t('followUp.toList')}</Link>
      <button type="button" className="button button--small button--ghost" onClick={() => setDismissed(due)}>{t('followUp.dismiss')}</button>
    </div>
  )
}
