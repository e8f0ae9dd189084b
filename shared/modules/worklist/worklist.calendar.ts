// The work list's own texts in its calendar file (ICS); each source names its entries itself (their view).
import type { EventDefinitions } from '../../platform/event-message'

export const CALENDAR_TEXTS = {
  'calendar.phone': { de: 'Tel. {phone}', en: 'Tel. {phone}' },
} as const satisfies EventDefinitions

type CalendarTextDefinitions = typeof CALENDAR_TEXTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds the calendar texts to the registry
  interface EventRegistry extends CalendarTextDefinitions {}
}
