// What promises to a customer record on a timeline and put on the work list, as message keys
// (shared/platform/event-message.ts). Rendered once shared/i18n/events.ts gathers PROMISE_EVENTS;
// `promise.kept` may be stored on a touchpoint once the row schema's touchpoint events list it.
import type { EventDefinitions } from '../../platform/event-message'

export const PROMISE_EVENTS = {
  'promise.kept': { de: 'Zusage eingehalten: {title}', en: 'Promise kept: {title}' },
  // A promise on the work list and in its calendar file.
  'promise.workList': { de: 'Zusage „{title}“ – {company}', en: 'Promise “{title}” – {company}' },
  'promise.workListDetail': { format: { dueDate: 'date' }, de: 'Zusage · bis {dueDate}', en: 'Promise · by {dueDate}' },
  'promise.workListDetailChanged': {
    format: { dueDate: 'date', changedOn: 'date' },
    de: 'Zusage · bis {dueDate} · geändert am {changedOn}',
    en: 'Promise · by {dueDate} · changed on {changedOn}',
  },
  'promise.calendar': { de: 'Zusage: {title}', en: 'Promise: {title}' },
  'promise.calendarDetail': { format: { dueDate: 'date' }, de: 'Dem Kunden zugesagt bis {dueDate}', en: 'Promised to the customer by {dueDate}' },
} as const satisfies EventDefinitions
export type PromiseEventKey = keyof typeof PROMISE_EVENTS

type PromiseEventDefinitions = typeof PROMISE_EVENTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's events to the registry
  interface EventRegistry extends PromiseEventDefinitions {}
}
