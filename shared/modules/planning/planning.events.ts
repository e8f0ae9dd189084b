// What tasks and appointments record on a timeline and put on the work list, as message keys
// (shared/platform/event-message.ts). Rendered once shared/i18n/events.ts gathers PLANNING_EVENTS;
// the touchpoint events are listed in the row schema (shared/modules/sync/row-schemas.ts).
import type { EventDefinitions } from '../../platform/event-message'

/** Events stored on a touchpoint (its `message_key`). */
export const PLANNING_TOUCHPOINT_EVENTS = {
  'task.done': { de: 'Aufgabe erledigt: {title}', en: 'Task done: {title}' },
  'appointment.reported': { de: 'Besuchsbericht: {title}', en: 'Visit report: {title}' },
} as const satisfies EventDefinitions

/** Work-list and calendar messages of tasks. */
export const PLANNING_EVENTS = {
  ...PLANNING_TOUCHPOINT_EVENTS,
} as const satisfies EventDefinitions
export type PlanningEventKey = keyof typeof PLANNING_EVENTS

type PlanningEventDefinitions = typeof PLANNING_EVENTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's events to the registry
  interface EventRegistry extends PlanningEventDefinitions {}
}
