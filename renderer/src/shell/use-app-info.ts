// Asks main for its facts once at start: its clock (so "today" in the renderer is the app's day,
// see lib/today.ts), which database is open (the demo shows a banner) and the background integrity
// check, asked again until it is done. A switch of the database reloads the window, so once is enough.
import { useEffect, useState } from 'react'
import { backgroundCall, setOpenDatabase } from '../lib/api'
import { setAppNow } from '../lib/today'

export interface AppFacts {
  /** The database path when the integrity check found the file damaged, else null. */
  damagedDatabase: string | null
  /** True while the demo database is open (not the user's own). */
  demo: boolean
}

export function useAppInfo(): AppFacts {
  const [damaged, setDamaged] = useState<string | null>(null)
  const [demo, setDemo] = useState(false)
  useEffect(() => {
    // The background integrity check takes a few seconds on a large file; ask again until it is done.
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = () =>
      // In the background: it counts the unsynced changes, which takes a while on a large outbox (issue 20).
      void backgroundCall('app.info', {}).then((r) => {
        if (!r.ok) return
        setAppNow(r.data.now)
        setDemo(r.data.database === 'demo')
        setOpenDatabase(r.data.database ?? 'real')
        if (r.data.integrity === 'corrupt') setDamaged(r.data.databasePath)
        else if (r.data.integrity === 'checking') timer = setTimeout(poll, 2000)
      })
    poll()
    return () => clearTimeout(timer)
  }, [])
  return { damagedDatabase: damaged, demo }
}

/** After a switch between the user's database and the demo database: start afresh on the start page (nothing of the other database stays on screen). */
export function reloadOnStartPage(): void {
  window.location.hash = '/'
  window.location.reload()
}
