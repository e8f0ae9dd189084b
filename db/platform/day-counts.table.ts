/**
 * Derived, local-only: a work-list source's open entries per owner and due day, kept by triggers (follow_up_day_counts,
 * migration 040; tasks_day_counts and promises_day_counts, 043). A source's counts sum these instead of reading every
 * open entry.
 */
export interface OpenDayCountsTable {
  owner_id: string
  due_date: string
  n: number
}
