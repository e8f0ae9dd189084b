// Translation and de-DE/en-GB formatting, usable in main (messages, documents) and renderer alike.
import { de, type MessageKey } from './de'
import { en } from './en'
import type { Language } from '../modules/customers'

export type { MessageKey }
const catalogues: Record<Language, Record<MessageKey, string>> = { de, en }

export const isMessageKey = (key: string): key is MessageKey => key in de

/** Unknown keys come back as they are, so a missing text is visible instead of blank. */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = isMessageKey(key) ? catalogues[language][key] : key
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`))
}

const LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB' }
export const localeOf = (language: Language): string => LOCALE[language]

export const formatDate = (language: Language, iso: string): string =>
  new Intl.DateTimeFormat(LOCALE[language], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' }).format(new Date(iso))

export const formatDateTime = (language: Language, iso: string): string =>
  new Intl.DateTimeFormat(LOCALE[language], { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(iso))

export const formatNumber = (language: Language, value: number): string => new Intl.NumberFormat(LOCALE[language]).format(value)

export const formatMoney = (language: Language, cents: number): string =>
  new Intl.NumberFormat(LOCALE[language], { style: 'currency', currency: 'EUR' }).format(cents / 100)
