// What the work list asks of each module that puts entries on it: the entries due in a range of days, and
// how many there are before, on and after today. Here, below the modules, because the sources (offers,
// contracts, service, planning) answer it and the work list, which uses them, asks it.

/** Due days from `from` to `to`, both included; `from` '' = no lower bound (every overdue entry). */
export interface DueRange { from: string; to: string }

/** A source's entries in a range: due before today, today, and after today. */
export interface DueCounts { overdue: number; dueToday: number; upcoming: number }

/** A section's first entries: whose (`ownerId` '' = everyone's), which days, how many at most. */
export type DueListQuery = DueRange & { ownerId: string; limit: number }
/** The counts of a span of days, split at `today`. */
export type DueCountQuery = DueRange & { ownerId: string; today: string }
