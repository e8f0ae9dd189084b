// Events the app records on its own (a contract signed, a case moved on) are stored as a message key and
// its parameters, never as a sentence: every reader sees them in their own language. The texts live with
// their module (`<module>.events.ts`); shared/i18n/events.ts renders them.
import { z } from 'zod'
import type { ParamsArgs } from '../i18n/message-params'

/** A parameter's value as stored: a short text (a number, a name, an ISO date, an enum value) or a number. */
export type EventParams = Record<string, string | number>

/**
 * How a parameter is shown: `date` an ISO day in the reader's format, `cents` an amount of money, `label` the
 * text of `<prefix>.<value>` (a status, a decision), `message` the text of another event key rendered with
 * the same parameters.
 */
export type ParamFormat = 'date' | 'cents' | { label: string } | 'message'

export interface EventDefinition {
  /** Parameters that are not shown as they are. */
  readonly format?: Readonly<Record<string, ParamFormat>>
  readonly de: string
  readonly en: string
}
export type EventDefinitions = Readonly<Record<string, EventDefinition>>

/** The catalogue texts of a module's events: `event.<key>` in one language, keys kept as literal types. */
export function eventTexts<const E extends EventDefinitions>(events: E, language: 'de' | 'en'): { [K in keyof E & string as `event.${K}`]: string } {
  return Object.fromEntries(Object.entries(events).map(([key, definition]) => [`event.${key}`, definition[language]])) as { [K in keyof E & string as `event.${K}`]: string }
}

const PARAM_NAME = /^[A-Za-z][A-Za-z0-9]{0,31}$/

/** Stored parameters: a JSON object of at most 12 short texts or finite numbers, names plain identifiers, no NUL. */
export const eventParamsJson = z.string().max(4000).refine((value) => {
  try {
    const parsed: unknown = JSON.parse(value)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false
    const entries = Object.entries(parsed)
    return entries.length <= 12 && entries.every(([name, v]) => PARAM_NAME.test(name) &&
      ((typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000')) || (typeof v === 'number' && Number.isFinite(v))))
  } catch {
    return false
  }
}, 'errors.invalid')

/** The stored parameters read back; anything unreadable is no parameters (the row schema refuses such rows). */
export function parseEventParams(value: string | null): EventParams {
  if (!value) return {}
  try {
    const parsed: unknown = JSON.parse(value)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'))
  } catch {
    return {}
  }
}

/**
 * Every event the app can record, by key: each module adds its definitions by augmenting this interface
 * in its `<module>.events.ts` (the platform cannot import modules). `eventColumns` checks against it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface EventRegistry {}
export type RegisteredEventKey = keyof EventRegistry & string

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never
/**
 * The parameters of one event, read from its German and English texts: all must be given (a typo in the key
 * or a missing parameter fails the typecheck). For a key only known as one of several, any parameters.
 */
type EventArgs<K extends RegisteredEventKey> = true extends IsUnion<K>
  ? [params?: EventParams]
  : EventRegistry[K] extends { de: infer D; en: infer E } ? ParamsArgs<D | E> : [params?: EventParams]

/** A message to render in the reader's language: a registered key and its parameters (a work-list line, a calendar title). */
export interface MessageRef {
  key: RegisteredEventKey
  params: EventParams
}

/** A message reference, its parameters checked like `eventColumns`. */
export const messageRef = <K extends RegisteredEventKey>(key: K, ...[params]: EventArgs<K>): MessageRef => ({ key, params: params ?? {} })

/** The two stored columns of an event (`message_key`, `message_params`). */
export const eventColumns = <K extends RegisteredEventKey>(key: K, ...[params]: EventArgs<K>): { message_key: K; message_params: string } =>
  ({ message_key: key, message_params: JSON.stringify(params ?? {}) })
