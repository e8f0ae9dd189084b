// The sync status, asked for every few seconds (faster while a sync runs), and a nudge when the
// browser or the laptop comes back online.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { SyncStatus } from '../../../../shared/modules/sync/status'
import { backgroundCall } from '../../lib/api'
import { useAction } from '../../lib/use-action'
import { notifyDataChanged, useDataVersion } from '../../lib/data-events'

export function useSyncStatus(): { status: SyncStatus | null; refresh(): void } {
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [tick, setTick] = useState(0)
  const refresh = useCallback(() => setTick((n) => n + 1), [])
  // A change made here is pending at once: ask again right away instead of at the next poll.
  const version = useDataVersion()
  const lastPull = useRef<string | null | undefined>(undefined)
  const { run: nudge } = useAction()

  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = () =>
      void backgroundCall('sync.status', {}).then((r) => {
        if (!live) return
        if (r.ok) {
          setStatus(r.data)
          // A sync that brought colleagues' changes changes what the counters show.
          if (lastPull.current !== undefined && lastPull.current !== r.data.lastSyncAt) notifyDataChanged()
          lastPull.current = r.data.lastSyncAt
        }
        timer = setTimeout(poll, r.ok && r.data.state === 'syncing' ? 700 : 3000)
      })
    poll()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [tick, version])

  useEffect(() => {
    const back = () => void nudge('sync.online', {}).then(refresh)
    window.addEventListener('online', back)
    return () => window.removeEventListener('online', back)
  }, [refresh, nudge])

  return { status, refresh }
}
