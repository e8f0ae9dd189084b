// Translation and de-DE/en-GB formatting, usable in main (messages, documents) and renderer alike.
// The texts live with their module (`shared/modules/<module>/<module>.texts.ts`, the platform's in
// `shared/platform/`); this file composes them. Texts are ICU messages rendered by FormatJS
// intl-messageformat: `{name}`, plurals (`{count, plural, one {# Tag} other {# Tage}}`), selects.
// Keys are typed: `translate` takes only a key of the catalogue, with the parameters its texts name.
import { IntlMessageFormat } from 'intl-messageformat'
import { CONTRACT_TEXTS, CONTRACT_LETTER_TEXTS } from '../modules/contracts'
import { CONSENT_TEXTS, CUSTOMER_IMPORT_TEXTS, CUSTOMER_TEXTS, DUPLICATE_TEXTS, RETENTION_TEXTS, type Language } from '../modules/customers'
import { DEMO_TEXTS } from '../modules/demo'
import { ACCESS_TEXTS, DSGVO_TEXTS } from '../modules/dsgvo'
import { ERP_TEXTS } from '../modules/erp'
import { APPROVAL_TEXTS, CONVERSATION_LETTER_TEXTS, OFFER_TEXTS, OFFER_LETTER_TEXTS, PROMISE_TEXTS } from '../modules/offers'
import { MAIL_TEXTS, MAILBOX_TEXTS, OUTBOX_TEXTS } from '../modules/mail'
import { SERVICE_INTAKE_TEXTS, SERVICE_TEXTS } from '../modules/service'
import { JOURNEY_TEXTS } from '../modules/journey'
import { FILES_TEXTS } from '../modules/files'
import { LEAD_REPORT_TEXTS, LEAD_TEXTS } from '../modules/leads'
import { APPOINTMENT_TEXTS, BRIEFING_TEXTS, CALENDAR_FEED_TEXTS, TASK_TEXTS } from '../modules/planning'
import { SETTINGS_TEXTS } from '../modules/settings'
import { SYNC_TEXTS, TEAM_ADMIN_TEXTS } from '../modules/sync'
import { DASHBOARD_TEXTS, HEALTH_TEXTS, TRIGGER_TEXTS } from '../modules/success'
import { WORKLIST_TEXTS } from '../modules/worklist'
import { LETTER_TEXTS } from '../platform/letter.texts'
import { PLATFORM_TEXTS } from '../platform/platform.texts'
import type { Texts } from '../platform/texts'
import { EVENT_TEXTS_DE, EVENT_TEXTS_EN } from './events'
import type { ParamsArgs } from './message-params'

/** Every catalogue, by where it lives; a key belongs to exactly one (tests/unit/i18n.test.ts). */
export const TEXT_SOURCES = {
  'shared/platform/platform.texts.ts': PLATFORM_TEXTS,
  'shared/platform/letter.texts.ts': LETTER_TEXTS,
  'shared/modules/customers/customers.texts.ts': CUSTOMER_TEXTS,
  'shared/modules/customers/customer-import.texts.ts': CUSTOMER_IMPORT_TEXTS,
  'shared/modules/customers/duplicate.texts.ts': DUPLICATE_TEXTS,
  'shared/modules/contracts/contracts.texts.ts': CONTRACT_TEXTS,
  'shared/modules/contracts/contract-letter.texts.ts': CONTRACT_LETTER_TEXTS,
  'shared/modules/service/service.texts.ts': SERVICE_TEXTS,
  'shared/modules/service/service-intake.texts.ts': SERVICE_INTAKE_TEXTS,
  'shared/modules/offers/offers.texts.ts': OFFER_TEXTS,
  'shared/modules/offers/approval.texts.ts': APPROVAL_TEXTS,
  'shared/modules/offers/offer-letter.texts.ts': OFFER_LETTER_TEXTS,
  'shared/modules/settings/settings.texts.ts': SETTINGS_TEXTS,
  'shared/modules/worklist/worklist.texts.ts': WORKLIST_TEXTS,
  'shared/modules/sync/sync.texts.ts': SYNC_TEXTS,
  'shared/modules/sync/team-admin.texts.ts': TEAM_ADMIN_TEXTS,
  'shared/modules/demo/demo.texts.ts': DEMO_TEXTS,
  'shared/modules/dsgvo/dsgvo.texts.ts': DSGVO_TEXTS,
  'shared/modules/dsgvo/access.texts.ts': ACCESS_TEXTS,
  'shared/modules/customers/consent.texts.ts': CONSENT_TEXTS,
  'shared/modules/customers/retention.texts.ts': RETENTION_TEXTS,
  'shared/modules/offers/promise.texts.ts': PROMISE_TEXTS,
  'shared/modules/offers/conversation-letter.texts.ts': CONVERSATION_LETTER_TEXTS,
  'shared/modules/mail/mail.texts.ts': MAIL_TEXTS,
  'shared/modules/mail/outbox.texts.ts': OUTBOX_TEXTS,
  'shared/modules/mail/mailbox.texts.ts': MAILBOX_TEXTS,
  'shared/modules/planning/task.texts.ts': TASK_TEXTS,
  'shared/modules/planning/appointment.texts.ts': APPOINTMENT_TEXTS,
  'shared/modules/planning/briefing.texts.ts': BRIEFING_TEXTS,
  'shared/modules/planning/calendar-feed.texts.ts': CALENDAR_FEED_TEXTS,
  'shared/modules/success/dashboard.texts.ts': DASHBOARD_TEXTS,
  'shared/modules/success/health.texts.ts': HEALTH_TEXTS,
  'shared/modules/erp/erp.texts.ts': ERP_TEXTS,
  'shared/modules/success/trigger.texts.ts': TRIGGER_TEXTS,
  'shared/modules/journey/journey.texts.ts': JOURNEY_TEXTS,
  'shared/modules/files/files.texts.ts': FILES_TEXTS,
  'shared/modules/leads/leads.texts.ts': LEAD_TEXTS,
  'shared/modules/leads/leads.report.texts.ts': LEAD_REPORT_TEXTS,
} as const satisfies Record<string, Texts>

const TEXTS = {
  ...PLATFORM_TEXTS, ...LETTER_TEXTS, ...CUSTOMER_TEXTS, ...CUSTOMER_IMPORT_TEXTS, ...DUPLICATE_TEXTS, ...CONTRACT_TEXTS, ...CONTRACT_LETTER_TEXTS, ...SERVICE_TEXTS, ...SERVICE_INTAKE_TEXTS, ...OFFER_TEXTS, ...APPROVAL_TEXTS,
  ...OFFER_LETTER_TEXTS, ...SETTINGS_TEXTS, ...WORKLIST_TEXTS, ...SYNC_TEXTS, ...TEAM_ADMIN_TEXTS, ...DEMO_TEXTS, ...DSGVO_TEXTS, ...ACCESS_TEXTS, ...CONSENT_TEXTS, ...RETENTION_TEXTS,
  ...PROMISE_TEXTS, ...CONVERSATION_LETTER_TEXTS, ...MAIL_TEXTS, ...OUTBOX_TEXTS, ...MAILBOX_TEXTS,
  ...TASK_TEXTS, ...APPOINTMENT_TEXTS, ...BRIEFING_TEXTS, ...CALENDAR_FEED_TEXTS, ...DASHBOARD_TEXTS,
  ...HEALTH_TEXTS, ...ERP_TEXTS, ...TRIGGER_TEXTS, ...JOURNEY_TEXTS, ...FILES_TEXTS, ...LEAD_TEXTS, ...LEAD_REPORT_TEXTS,
}
type TextKey = keyof typeof TEXTS

/** A key of the catalogue: a typo is a compile error. */
export type MessageKey = TextKey | keyof typeof EVENT_TEXTS_DE

/** The parameters `translate(language, key, …)` takes for a key (none, or exactly those its texts name). */
export type MessageParams<K extends MessageKey> = ParamsArgs<K extends TextKey ? (typeof TEXTS)[K]['de'] | (typeof TEXTS)[K]['en'] : string>

/** The renderer's `t`: translate in the current language. */
export type Translate = <K extends MessageKey>(key: K, ...params: MessageParams<K>) => string

function catalogue(language: Language): Readonly<Record<string, string>> {
  const texts: Record<string, string> = Object.fromEntries(Object.entries(TEXTS).map(([key, text]) => [key, text[language]]))
  return { ...texts, ...(language === 'de' ? EVENT_TEXTS_DE : EVENT_TEXTS_EN) }
}
const CATALOGUES: Record<Language, Readonly<Record<string, string>>> = { de: catalogue('de'), en: catalogue('en') }

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(CATALOGUES.de, key)

/** The raw ICU text of a key (for tests and tools; the app renders through `translate`). */
export const messageText = (language: Language, key: MessageKey): string => CATALOGUES[language][key] ?? key

const LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB' }
export const localeOf = (language: Language): string => LOCALE[language]

interface Compiled {
  format: IntlMessageFormat
  /** Argument names, so a missing parameter shows as `{name}` (as before ICU) instead of throwing. */
  names: string[]
}
const compiled = new Map<string, Compiled>()

function compile(language: Language, key: string, text: string): Compiled {
  const id = `${language}\u0000${key}`
  let message = compiled.get(id)
  if (!message) {
    // ignoreTag: `<` and `>` are text, not markup.
    message = { format: new IntlMessageFormat(text, LOCALE[language], undefined, { ignoreTag: true }), names: [...new Set(Array.from(text.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g), (m) => m[1]!))] }
    compiled.set(id, message)
  }
  return message
}

function render(language: Language, key: string, text: string, params: Readonly<Record<string, string | number>>): string {
  try {
    const { format, names } = compile(language, key, text)
    const values: Record<string, string | number> = {}
    for (const name of names) values[name] = Object.hasOwn(params, name) ? params[name]! : `{${name}}`
    const out = format.format<string>(values)
    return Array.isArray(out) ? out.join('') : String(out)
  } catch {
    // Every catalogue text compiles (tests/unit/i18n.test.ts); this keeps a broken text visible, never a crash.
    return text
  }
}

/** The text of `key` in `language`, its parameters filled in (numbers pick the plural form and are formatted). */
export function translate<K extends MessageKey>(language: Language, key: K, ...[params]: MessageParams<K>): string {
  return render(language, key, CATALOGUES[language][key] ?? key, params ?? {})
}

/**
 * For a key that arrives as data at run time (an error key from main or the server, a stored event key):
 * checked against the catalogue; an unknown key comes back as it is, so a missing text is visible instead of blank.
 */
export function translateFromData(language: Language, key: string, params: Readonly<Record<string, string | number>> = {}): string {
  return isMessageKey(key) ? render(language, key, CATALOGUES[language][key] ?? key, params) : key
}

type EnumKeys = Extract<MessageKey, `enum.${string}`>
type ListOf<K> = K extends `enum.${infer L}.${string}` ? L : never
type ValueOf<K, L extends string> = K extends `enum.${L}.${infer V}` ? V : never
/** A closed list with labels in the catalogue (`enum.<list>.<value>`): `status`, `caseType` … */
export type EnumList = ListOf<EnumKeys>
export type EnumValue<L extends EnumList> = ValueOf<EnumKeys, L>

/** The label of a value of a closed list (`enum.<list>.<value>`): only lists and values the catalogue has compile. */
export function translateEnum<L extends EnumList>(language: Language, list: L, value: EnumValue<L>): string {
  const key = `enum.${list}.${value}`
  return render(language, key, CATALOGUES[language][key] ?? key, {})
}

export const formatDate = (language: Language, iso: string): string =>
  new Intl.DateTimeFormat(LOCALE[language], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' }).format(new Date(iso))

export const formatDateTime = (language: Language, iso: string): string =>
  new Intl.DateTimeFormat(LOCALE[language], { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(iso))

export const formatNumber = (language: Language, value: number): string => new Intl.NumberFormat(LOCALE[language]).format(value)

/**
 * A report period key ("2026-01", "2026-Q1", "2026") as a reader writes it: "Jan. 2026" (English
 * "Jan 2026"), "Q1 2026", "2026". Other keys stay as they are.
 */
export function formatPeriod(language: Language, key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key)
  if (month) return new Intl.DateTimeFormat(LOCALE[language], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15)))
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key)
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`
  return key
}
