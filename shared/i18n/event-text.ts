// An event stored as a message key and parameters, rendered in the reader's language; the free text a
// user typed with it (an outcome, a note) follows after a dash.
import type { Language } from '../modules/customers'
import { parseEventParams, type EventDefinition, type EventParams, type ParamFormat } from '../platform/event-message'
import { formatCents } from '../platform/money'
import { EVENTS, type EventKey } from './events'
import { formatDate, translate, translateFromData } from './index'

const isEventKey = (key: string): key is EventKey => key in EVENTS

function formatParam(language: Language, format: ParamFormat | undefined, value: string | number, params: EventParams, depth: number): string {
  if (format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return formatDate(language, `${value.slice(0, 10)}T12:00:00Z`)
  if (format === 'cents' && typeof value === 'number') return formatCents(value, language)
  // Two levels: a work-list line names a task title, which may name the next step (trigger.step.notifyManager).
  if (format === 'message' && depth < 2) return eventMessage(language, String(value), params, depth + 1)
  if (typeof format === 'object') return translateFromData(language, `${format.label}.${value}`)
  return String(value)
}

/** The sentence of one event key; an unknown key (from a newer app) shows as the key itself, never blank. */
export function eventMessage(language: Language, key: string, params: EventParams, depth = 0): string {
  if (!isEventKey(key)) return key
  const definition: EventDefinition = EVENTS[key]
  const shown: Record<string, string> = {}
  for (const [name, value] of Object.entries(params)) shown[name] = formatParam(language, definition.format?.[name], value, params, depth)
  return translate(language, `event.${key}`, shown)
}

/** A timeline line: the event's sentence (if any) and the user's text. Rows without a key are the user's text. */
export function eventLine(language: Language, row: { messageKey: string | null; messageParams: string | EventParams | null; text: string }): string {
  if (!row.messageKey) return row.text
  const params = typeof row.messageParams === 'string' || row.messageParams === null ? parseEventParams(row.messageParams) : row.messageParams
  const message = eventMessage(language, row.messageKey, params)
  return row.text ? `${message} – ${row.text}` : message
}

/** A touchpoint's line on a timeline or in a list: its event (if the app recorded one) and what the user wrote. */
export const touchpointLine = (language: Language, tp: { messageKey: string | null; messageParams: EventParams; summary: string }): string =>
  eventLine(language, { messageKey: tp.messageKey, messageParams: tp.messageParams, text: tp.summary })

/** A task's title: one the app made (its key, `Task.titleRef`, e.g. an early warning's next step) in the reader's language, else as typed. */
export const taskTitleText = (language: Language, task: { title: string; titleRef?: { key: string; params: EventParams } | null }): string =>
  task.titleRef ? eventMessage(language, task.titleRef.key, task.titleRef.params) : task.title
