// What tasks and appointments record on a timeline and put on the work list, as message keys
// (shared/platform/event-message.ts). Rendered once shared/i18n/events.ts gathers PLANNING_EVENTS;
// the touchpoint events are listed in the row schema (shared/modules/sync/row-schemas.ts).
import type { EventDefinitions } from '../../platform/event-message'

/** Events stored on a touchpoint (its `message_key`). */
export const PLANNING_TOUCHPOINT_EVENTS = {
  'task.done': { de: 'Aufgabe erledigt: {title}', en: 'Task done: {title}' },
  // A task the app made (its title a message key, `tasks.title_key`): the title rendered in the reader's language.
  'task.doneKeyed': { format: { title: 'message' }, de: 'Aufgabe erledigt: {title}', en: 'Task done: {title}' },
  'appointment.reported': { de: 'Besuchsbericht: {title}', en: 'Visit report: {title}' },
} as const satisfies EventDefinitions

const PRIORITY = { priority: { label: 'enum.priority' } } as const

/** Work-list and calendar messages of tasks. */
export const TASK_EVENTS = {
  // A task on the work list: one line for screen readers, the detail after the contact.
  'task.workList': { de: 'Aufgabe „{title}“ – {company}', en: 'Task “{title}” – {company}' },
  'task.workListKeyed': { format: { title: 'message' }, de: 'Aufgabe „{title}“ – {company}', en: 'Task “{title}” – {company}' },
  // The title of a task the app made, alone (a link, a heading).
  'task.title': { format: { title: 'message' }, de: '{title}', en: '{title}' },
  'task.workListDetail': { format: PRIORITY, de: 'Aufgabe · Priorität {priority}', en: 'Task · {priority} priority' },
  'task.workListDetailTime': { format: PRIORITY, de: 'Aufgabe · {time} Uhr · Priorität {priority}', en: 'Task · {time} · {priority} priority' },
  'task.workListDetailBy': { format: PRIORITY, de: 'Aufgabe · Priorität {priority} · von {by}', en: 'Task · {priority} priority · from {by}' },
  'task.workListDetailTimeBy': { format: PRIORITY, de: 'Aufgabe · {time} Uhr · Priorität {priority} · von {by}', en: 'Task · {time} · {priority} priority · from {by}' },
  // In the work list's calendar file.
  'task.calendar': { de: 'Aufgabe: {title}', en: 'Task: {title}' },
  // Titles of tasks the app makes outside the early warnings (stored as `tasks.title_key`).
  'task.title.firstContact': { de: 'Erstkontakt aufnehmen', en: 'Make first contact' },
  'task.calendarKeyed': { format: { title: 'message' }, de: 'Aufgabe: {title}', en: 'Task: {title}' },
  'task.calendarDetail': { format: { dueDate: 'date', ...PRIORITY }, de: 'Fällig am {dueDate} · Priorität {priority}', en: 'Due on {dueDate} · {priority} priority' },
  'task.calendarDetailTime': { format: { dueDate: 'date', ...PRIORITY }, de: 'Fällig am {dueDate} um {time} Uhr · Priorität {priority}', en: 'Due on {dueDate} at {time} · {priority} priority' },
} as const satisfies EventDefinitions

/** The keys a task's title may be stored as, besides the early warnings' steps (the row schema of `tasks`). */
export const PLANNING_TITLE_KEYS = ['task.title.firstContact'] as const

export const PLANNING_EVENTS = {
  ...PLANNING_TOUCHPOINT_EVENTS,
  ...TASK_EVENTS,
} as const satisfies EventDefinitions
export type PlanningEventKey = keyof typeof PLANNING_EVENTS

type PlanningEventDefinitions = typeof PLANNING_EVENTS
declare module '../../platform/event-message' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's events to the registry
  interface EventRegistry extends PlanningEventDefinitions {}
}
