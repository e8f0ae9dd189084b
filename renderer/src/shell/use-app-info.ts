// Asks main for its facts once at start: its clock (so "today" in the renderer is the app's day,
// see lib/today.ts) and the background integrity check, asked again until it is done.
import { useEffect, useState } from 'react'
import { call } from '../lib/api'
import { setAppNow } from '../lib/today'

/** The database path when the integrity check found the file damaged, else null. */
export function useAppInfo(): { damagedDatabase: string | null } {
  const [damaged, setDamaged] = useState<string | null>(null)
  useEffect(() => {
    // The background integrity check takes a few seconds on a large file; ask again until it is done.
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = () =>
      void call('app.info', {}).then((r) => {
        if (!r.ok) return
        setAppNow(r.data.now)
        if (r.data.integrity === 'corrupt') setDamaged(r.data.databasePath)
        else if (r.data.integrity === 'checking') timer = setTimeout(poll, 2000)
      })
    poll()
    return () => clearTimeout(timer)
  }, [])
  return { damagedDatabase: damaged }
}
