// Texts of the calendar subscription (issue 16). Keys `calendarFeed.*`,
// errors `errors.calendarFeed…`.
import type { Texts } from '../../platform/texts'

export const CALENDAR_FEED_TEXTS = {
} as const satisfies Texts
