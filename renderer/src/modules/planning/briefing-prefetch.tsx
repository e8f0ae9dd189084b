// Keeps the coming week's visit briefings on the device: when the app starts, when the language changes and
// after the data changed (an edit, a sync), at most once every five minutes, it asks main for the briefings of
// every planned appointment of the next seven days (each with its PDF) and replaces the offline store with
// them (briefing-store.ts). A failed request (no network) keeps what is stored. Renders nothing.
// Web mode only: the desktop app reads its own database, which is there without a network, and keeping a copy
// of the briefings (attitudes, worries, names) in the browser profile would bypass its encryption and erasure.
import { useEffect, useRef } from 'react'
import { backgroundCall } from '../../lib/api'
import { useDataVersion } from '../../lib/data-events'
import { useI18n } from '../../lib/i18n'
import { keepBriefings } from './briefing-store'

/** At most one fetch in this interval; a change within it is fetched when it ends. */
export const BRIEFING_PREFETCH_INTERVAL_MS = 5 * 60_000
/** The days ahead whose briefings are kept (today included). */
export const BRIEFING_PREFETCH_DAYS = 7

export function BriefingPrefetch() {
  const { language } = useI18n()
  const version = useDataVersion()
  const last = useRef<{ at: number; language: string } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    if (window.api) return
    const fetchNow = async () => {
      timer.current = null
      last.current = { at: Date.now(), language }
      const answer = await backgroundCall('briefing.upcoming', { days: BRIEFING_PREFETCH_DAYS, language })
      if (!answer.ok) return
      try {
        await keepBriefings(answer.data)
      } catch {
        // No IndexedDB (a private window): the briefings simply are not kept.
      }
    }
    const previous = last.current
    // The first time, and in another language, at once; otherwise at most once per interval.
    const wait = previous && previous.language === language ? previous.at + BRIEFING_PREFETCH_INTERVAL_MS - Date.now() : 0
    if (wait <= 0) {
      if (timer.current) clearTimeout(timer.current)
      void fetchNow()
    } else if (!timer.current) {
      timer.current = setTimeout(() => void fetchNow(), wait)
    }
  }, [version, language])

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  return null
}
