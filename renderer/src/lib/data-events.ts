// "The data changed": said after every successful change the user makes and after a sync brought
// colleagues' changes, heard by what shows counts outside the current page (the station counters,
// the pending-changes badge, the due banner), so they never stay stale until the user navigates.
import { useEffect, useState } from 'react'

const listeners = new Set<() => void>()

export function notifyDataChanged(): void {
  for (const listener of [...listeners]) listener()
}

/** A number that grows whenever the data changed: put it in an effect's dependencies to reload. */
export function useDataVersion(): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1)
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [])
  return version
}
