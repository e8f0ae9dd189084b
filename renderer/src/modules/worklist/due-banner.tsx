// The in-app notice of due work (web mode and desktop): follow-ups and reminders due today or
// overdue, and service cases past their service level.
import { useEffect, useState } from 'react'
import { Link, useLocation } from 'react-router-dom'
import { backgroundCall } from '../../lib/api'
import { useDataVersion } from '../../lib/data-events'
import { useI18n } from '../../lib/i18n'

const EVERY_MS = 60_000

export function DueFollowUpsBanner() {
  const { t } = useI18n()
  const location = useLocation()
  const [due, setDue] = useState(0)
  const [overdueCases, setOverdueCases] = useState(0)
  const [dismissed, setDismissed] = useState(-1)
  const version = useDataVersion()
  useEffect(() => {
    let live = true
    const check = () => {
      void backgroundCall('worklist.list', { limit: 1 }).then((r) => live && r.ok && setDue(r.data.counts.overdue + r.data.counts.dueToday))
      void backgroundCall('cases.workList', {}).then((r) => live && r.ok && setOverdueCases(r.data.teamOverdue.length))
    }
    check()
    const timer = setInterval(check, EVERY_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [location.pathname, version])
  const key = due * 100_000 + overdueCases
  if ((due === 0 && overdueCases === 0) || dismissed === key || location.pathname === '/follow-ups' || location.pathname === '/service') return null
  return (
    <div className="due-banner" role="status">
      {due > 0 ? <><span>{t('followUp.dueNotice', { count: due })}</span><Link to="/follow-ups">{t('followUp.toList')}</Link></> : null}
      {overdueCases > 0 ? <><span>{t('service.overdueNotice', { count: overdueCases })}</span><Link to="/service">{t('service.toList')}</Link></> : null}
      <button type="button" className="button button--small button--ghost" onClick={() => setDismissed(key)}>{t('followUp.dismiss')}</button>
    </div>
  )
}
