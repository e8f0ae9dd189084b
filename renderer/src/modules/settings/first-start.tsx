// On a first start, the app opens the setup assistant (/setup) instead of the page asked for, while
// the letter's details are incomplete (shared/platform/letter-profile.ts) — once per window, and not
// again in this session after "Später".
import { useEffect, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router-dom'
import { missingLetterDetails } from '../../../../shared/platform/letter-profile'
import { call } from '../../lib/api'

const POSTPONED = 'kundenreise.setupPostponed'

/** "Später": the assistant does not open by itself again in this session. */
export function postponeSetup(): void {
  try {
    sessionStorage.setItem(POSTPONED, '1')
  } catch {
    // Storage refused (privacy settings): the assistant may open again on the next start.
  }
}

function postponed(): boolean {
  try {
    return sessionStorage.getItem(POSTPONED) === '1'
  } catch {
    return false
  }
}

/** Renders nothing; sends a first start to the assistant. Mounted once by the composition root. */
export function FirstStartRedirect() {
  const navigate = useNavigate()
  const location = useLocation()
  const checked = useRef(false)
  const from = useRef(location.pathname)
  useEffect(() => {
    if (checked.current) return
    checked.current = true
    if (postponed() || from.current === '/setup') return
    void call('profile.get', {}).then((result) => {
      if (result.ok && missingLetterDetails(result.data).length > 0) navigate('/setup', { replace: true, state: { from: from.current } })
    })
  }, [navigate])
  return null
}
