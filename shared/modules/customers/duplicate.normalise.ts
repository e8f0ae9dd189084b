// What the duplicate rules compare: company names without legal form and place, Kölner Phonetik codes,
// phone numbers in E.164 and company e-mail domains. Pure, for main and renderer alike.
//
// The mechanics come from libraries: phone numbers from libphonenumber-js, Kölner Phonetik from talisman
// (Postel's rules as published, "Marc" → 678, "Knox" → 4648; one difference to Apache commons-codec: a 0
// after a leading H is dropped, "Hoffmann" → 366 rather than 0366, the same on both sides of a comparison).
// The smaller `cologne-phonetic` package departs further (a final C as 4, C/K/Q before X as 88). What is
// policy stays here: which words are legal forms, which domains are freemail, when a comma starts a place.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'
import cologne from 'talisman/phonetics/german/cologne.js'

/** Lower case, umlauts and ß spelled out (ä → ae, so "Müller" and "Mueller" agree), other accents dropped. */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
}

/**
 * Folded words; `&` and `+` read as "und", every other non-letter separates. A run of single letters is
 * one word, so dotted abbreviations read as written together: "e.K." → "ek", "G.m.b.H." → "gmbh".
 */
export function foldedWords(text: string): string[] {
  const raw = foldGerman(text).replace(/[&+]/g, ' und ').split(/[^a-z0-9]+/).filter(Boolean)
  const words: string[] = []
  let letters = ''
  for (const word of raw) {
    if (word.length === 1 && /[a-z]/.test(word)) { letters += word; continue }
    if (letters) words.push(letters)
    letters = ''
    words.push(word)
  }
  if (letters) words.push(letters)
  return words
}

/** Legal forms as folded words: German, Austrian, Swiss and the common foreign ones. */
const LEGAL_WORDS = new Set([
  'gmbh', 'mbh', 'ggmbh', 'gesmbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'haftungsbeschraenkt', 'haftungsbeschr',
  'ek', 'ekfm', 'ekfr', 'kfm', 'kfr', 'ev', 'eg', 'se', 'partg', 'partgmbb', 'mbb', 'aktiengesellschaft',
  'kommanditgesellschaft', 'ltd', 'limited', 'inc', 'llc', 'plc', 'corp', 'sa', 'sarl', 'srl', 'spa', 'bv', 'nv',
])
/** Legal forms of several words, and "& Co." which only ever stands beside one. */
const LEGAL_SEQUENCES: readonly (readonly string[])[] = [
  ['gesellschaft', 'mit', 'beschraenkter', 'haftung'], ['offene', 'handelsgesellschaft'],
  ['eingetragener', 'kaufmann'], ['eingetragene', 'kauffrau'], ['eingetragener', 'verein'], ['eingetragene', 'genossenschaft'],
  ['e', 'kfm'], ['e', 'kfr'], ['und', 'co'], ['co', 'kg'], ['co', 'kgaa'], ['co', 'ohg'],
]
/** Words that join names ("Müller & Söhne" = "Müller und Söhne" = "Müller and Söhne"). */
const CONNECTORS = new Set(['und', 'and', 'u'])
const LEADING_ARTICLES = new Set(['der', 'die', 'das', 'the'])
/** Words that open a place after a comma: "Müller GmbH, Niederlassung Köln". */
const PLACE_WORDS = new Set(['niederlassung', 'zweigniederlassung', 'nl', 'filiale', 'standort', 'werk', 'buero', 'sitz'])

const sequenceAt = (words: readonly string[], i: number): number => {
  for (const sequence of LEGAL_SEQUENCES) {
    if (sequence.every((word, k) => words[i + k] === word)) return sequence.length
  }
  return LEGAL_WORDS.has(words[i]!) ? 1 : 0
}

/** The words without legal forms, connectors and a leading article. */
function withoutLegalForms(words: readonly string[]): string[] {
  const kept: string[] = []
  for (let i = 0; i < words.length;) {
    const legal = sequenceAt(words, i)
    if (legal) { i += legal; continue }
    const word = words[i++]!
    if (!CONNECTORS.has(word) && !(kept.length === 0 && LEADING_ARTICLES.has(word))) kept.push(word)
  }
  return kept
}

/** A trailing ", Köln", " - Köln", " (Köln)" or ", 50667 Köln" is a place when the part before ends in a legal form or the tail says so. */
function splitPlace(name: string): { head: string; place: string[] } {
  const match = /^(.*\S)\s*(?:,|\s[-–]\s)\s*([^,]+)$/.exec(name) ?? /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(name)
  if (!match) return { head: name, place: [] }
  const head = foldedWords(match[1]!)
  const tail = foldedWords(match[2]!)
  if (withoutLegalForms(tail).length === 0) return { head: name, place: [] }
  const isPlace = LEGAL_WORDS.has(head[head.length - 1] ?? '') || /^\d{5}$/.test(tail[0]!) || PLACE_WORDS.has(tail[0]!)
  if (!isPlace) return { head: name, place: [] }
  return { head: match[1]!, place: tail.filter((word) => !/^\d+$/.test(word) && !PLACE_WORDS.has(word)) }
}

export interface ParsedCompanyName {
  /** The normalised name: folded words without legal form, connectors and trailing place, one space apart. */
  name: string
  words: string[]
  /** The place that followed the name ("Mueller GmbH, Köln" → "koeln"), '' when there was none. */
  place: string
}

export function parseCompanyName(name: string): ParsedCompanyName {
  const { head, place } = splitPlace(name.trim())
  const all = foldedWords(head)
  const stripped = withoutLegalForms(all)
  // A name that is nothing but a legal form ("AG") keeps its words rather than becoming empty.
  const words = stripped.length ? stripped : all
  return { name: words.join(' '), words, place: place.join(' ') }
}

/** "Müller GmbH & Co. KG" and "Mueller GmbH, Köln" → "mueller". */
export const normaliseCompanyName = (name: string): string => parseCompanyName(name).name

const phoneticCache = new Map<string, string>()
/** Kölner Phonetik of one word ('' for a word without letters); remembered, as names repeat their words. */
export function colognePhonetic(word: string): string {
  let code = phoneticCache.get(word)
  if (code === undefined) {
    if (phoneticCache.size >= 50_000) phoneticCache.clear()
    code = cologne(word)
    phoneticCache.set(word, code)
  }
  return code
}

/** Folded city words, "Frankfurt a. M." → ["frankfurt", "am"]. */
export const cityWords = (city: string): string[] => foldedWords(city)

/** One city is the other or its first words: "Köln" and "Köln-Ehrenfeld", "Frankfurt" and "Frankfurt am Main". */
export function sameCity(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.every((word, i) => long[i] === word)
}

/** A phone number in E.164 ("+49221123456"), read with German defaults; null when it cannot be a number. */
export function normalisePhone(text: string | null | undefined, country: CountryCode = 'DE'): string | null {
  if (!text || !/\d/.test(text)) return null
  const parsed = parsePhoneNumberFromString(text, country)
  return parsed?.isPossible() ? parsed.number : null
}

/** Postcode digits ("D-50667" → "50667"); '' unless five digits. */
export function normalisePostalCode(text: string | null | undefined): string {
  const digits = (text ?? '').replace(/\D/g, '')
  return digits.length === 5 ? digits : ''
}

/** Customer numbers compare without case and spaces. */
export const normaliseCustomerNumber = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, '').toUpperCase()

/** An e-mail address trimmed and in lower case; '' when it has no "@" with a dotted domain. */
export function normaliseEmail(text: string | null | undefined): string {
  const email = (text ?? '').trim().toLowerCase()
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : ''
}

/** The domain of an e-mail address, or a domain given as such ("www." dropped); null when there is none. */
export function emailDomain(text: string | null | undefined): string | null {
  const value = (text ?? '').trim().toLowerCase()
  const domain = (value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : value).replace(/^www\./, '').replace(/\.$/, '')
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null
}

/** Mail providers whose domain says nothing about the company behind an address. */
const FREEMAIL_DOMAINS = new Set([
  'web.de', 't-online.de', 'gmail.com', 'googlemail.com', 'icloud.com', 'me.com', 'mac.com', 'posteo.de', 'posteo.net',
  'mail.de', 'email.de', 'freenet.de', 'arcor.de', 'online.de', 'onlinehome.de', 'vodafone.de', 'kabelmail.de',
  'mailbox.org', 'magenta.de', 'unitybox.de', 'ewe.net', 'osnanet.de', 't-systems.net', 'msn.com', 'ymail.com',
  'protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me', 'tutanota.com', 'tutanota.de', 'tuta.io', 'zoho.com',
  'mail.com', 'aim.com', 'yandex.ru', 'yandex.com', 'mail.ru', 'bluewin.ch', 'gmx.de',
])
/** Providers with a domain per country: gmx.net, gmx.at, yahoo.de, yahoo.co.uk, outlook.de, hotmail.co.uk … */
const FREEMAIL_PROVIDERS = new Set(['gmx', 'yahoo', 'hotmail', 'outlook', 'live', 'aol', 'gmail'])

export function isFreemailDomain(domain: string): boolean {
  return FREEMAIL_DOMAINS.has(domain) || FREEMAIL_PROVIDERS.has(domain.split('.')[0]!)
}

/** The domain that can tell a company: the e-mail's domain unless it is a freemail provider's. */
export function companyEmailDomain(text: string | null | undefined): string | null {
  const domain = emailDomain(text)
  return domain && !isFreemailDomain(domain) ? domain : null
}
