// How often a customer of each segment should hear from us: the norm the health score measures "days since the
// last touchpoint" against, and the early-warning trigger "no touchpoint for twice the norm" (issue 17). These are
// the defaults; the health settings a manager edits may change them for the team.
import type { Segment } from '../customers'

export const SEGMENT_TOUCHPOINT_NORM_DAYS = {
  enterprise: 30,
  mid_market: 45,
  small_business: 60,
} as const satisfies Record<Segment, number>

/** A company without a segment is held to the middle norm. */
export const DEFAULT_TOUCHPOINT_NORM_DAYS = 45
