// The calendar subscription (issue 16): a private, revocable iCalendar URL the sync server serves each user.
import { z } from 'zod'

export const calendarFeedStatusSchema = z.object({}).strict()
/** A new subscription URL (an existing one stops working): shown once. */
export const calendarFeedCreateSchema = z.object({}).strict()
export const calendarFeedRevokeSchema = z.object({}).strict()

export interface CalendarFeedStatus {
  /** Signed in to a sync server: only then is there a feed. */
  available: boolean
  active: boolean
  createdAt: string | null
}
export interface CalendarFeedCreated {
  /** The subscription URL with its token; the server keeps only the token's hash, so this is the only time it is shown. */
  url: string
  createdAt: string
}
