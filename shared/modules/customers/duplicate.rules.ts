// When two companies or two contacts are probably the same: a score of 0..100 and the reasons behind it,
// as data keys the screens translate. Pure: the normalised features are computed once per record
// (`companyFeatures`, `contactFeatures`) so a scan over thousands compares only prepared values.
//
// The score is the sum of the weights of the reasons found, capped at 100; LIKELY_DUPLICATE_SCORE (50)
// is the line from which a pair is listed as a likely duplicate.
//   Companies: sameCustomerNumber 70 · sameName 60 · similarName 35 / soundsAlike 30 / both 45 (only
//   when the names are not the same) · samePhone 40 · sameEmailDomain 35 · samePostalCode 25 · sameCity 10.
//   So the same name alone is listed (60); the same name in another city too, below the same name at the
//   same postcode (95); a name that only sounds alike (≤ 45) needs a second sign, such as the postcode;
//   a different name at the same postcode and city (35) is not listed.
//   Contacts: sameEmail 70 · sameName 45 · similarName 25 / soundsAlike 35 / both 40 · samePhone 30 ·
//   sameCompany 15. So the same name at the same company is listed (60), and so is a name that sounds
//   alike there ("Thomas Meier" and "Tomas Meyer", 50); the same name elsewhere is not (45: namesakes are
//   common), nor are two colleagues sharing the switchboard's number (45).
import {
  cityWords, colognePhonetic, companyEmailDomain, foldedWords, normaliseCustomerNumber, normaliseEmail,
  normalisePhone, normalisePostalCode, parseCompanyName, sameCity,
} from './duplicate.normalise'

export const DUPLICATE_REASONS = [
  'sameCustomerNumber', 'sameName', 'similarName', 'soundsAlike', 'sameEmail', 'samePhone', 'sameEmailDomain',
  'samePostalCode', 'sameCity', 'sameCompany',
] as const
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number]
export interface DuplicateScore { score: number; reasons: DuplicateReason[] }

export const LIKELY_DUPLICATE_SCORE = 50
/** Dice coefficient of the names' letter pairs from which two names count as similar. */
export const SIMILAR_NAME_DICE = 0.85

const COMPANY_WEIGHTS = {
  sameCustomerNumber: 70, sameName: 60, similarName: 35, soundsAlike: 30, samePhone: 40, sameEmailDomain: 35,
  samePostalCode: 25, sameCity: 10,
} as const satisfies Partial<Record<DuplicateReason, number>>
const COMPANY_SIMILAR_AND_SOUNDS_ALIKE = 45
const CONTACT_WEIGHTS = {
  sameEmail: 70, sameName: 45, similarName: 25, soundsAlike: 35, samePhone: 30, sameCompany: 15,
} as const satisfies Partial<Record<DuplicateReason, number>>
const CONTACT_SIMILAR_AND_SOUNDS_ALIKE = 40

export interface CompanyDuplicateInput {
  id: string
  name: string
  customerNumber: string
  postalCode: string
  city: string
  phone?: string | null
  /** Domains or e-mail addresses known for the company (its contacts', its website); freemail is ignored. */
  emailDomains?: readonly string[]
}

export interface ContactDuplicateInput {
  id: string
  companyId: string
  firstName: string
  lastName: string
  email: string
  phone: string
  mobile: string
}

/** A name prepared for comparison: the words run together, umlaut spellings reduced, phonetic codes. */
interface NameFeatures {
  /** Folded words run together: equal keys are the same name ("Auto Haus" = "Autohaus"). */
  key: string
  /** The letter pairs of the key with ae/oe/ue as a/o/u, for the similarity: "Muller" is close to "Müller". */
  bigrams: readonly number[]
  /** Kölner Phonetik of every word, space-separated. */
  phonetic: string
  /** Kölner Phonetik of the first word that has one. */
  firstPhonetic: string
}

function nameFeatures(words: readonly string[]): NameFeatures {
  const key = words.join('')
  const skeleton = key.replace(/([aou])e/g, '$1')
  const pairs = new Set<number>()
  for (let i = 0; i < skeleton.length - 1; i++) pairs.add(skeleton.charCodeAt(i) * 0x10000 + skeleton.charCodeAt(i + 1))
  const bigrams = [...pairs].sort((x, y) => x - y)
  const codes = words.map(colognePhonetic).filter(Boolean)
  return { key, bigrams, phonetic: codes.join(' '), firstPhonetic: codes[0] ?? '' }
}

/**
 * Sørensen–Dice coefficient of two sets of letter pairs (sorted, each pair as one number), 0..1: the same
 * figure as talisman's `metrics/dice`, which builds the pairs anew on every call; a scan builds them once
 * per record and compares hundreds of thousands of pairs.
 */
export function diceCoefficient(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { shared++; i++; j++ } else if (a[i]! < b[j]!) i++
    else j++
  }
  return (2 * shared) / (a.length + b.length)
}

/** The name reasons with their weight: same, or similar and/or sounding alike. */
function compareNames(a: NameFeatures, b: NameFeatures, weights: { sameName: number; similarName: number; soundsAlike: number }, both: number): DuplicateScore {
  if (!a.key || !b.key) return { score: 0, reasons: [] }
  if (a.key === b.key) return { score: weights.sameName, reasons: ['sameName'] }
  const similar = diceCoefficient(a.bigrams, b.bigrams) >= SIMILAR_NAME_DICE
  const soundsAlike = a.phonetic !== '' && a.phonetic === b.phonetic
  if (similar && soundsAlike) return { score: both, reasons: ['similarName', 'soundsAlike'] }
  if (similar) return { score: weights.similarName, reasons: ['similarName'] }
  return soundsAlike ? { score: weights.soundsAlike, reasons: ['soundsAlike'] } : { score: 0, reasons: [] }
}

const intersects = (a: readonly string[], b: readonly string[]) => a.some((value) => b.includes(value))

/** Adds a reason and its weight when it holds (a plain function: the scan calls it millions of times). */
function tally<R extends DuplicateReason>(result: DuplicateScore, weights: Record<R, number>, reason: R, holds: boolean): void {
  if (!holds) return
  result.reasons.push(reason)
  result.score = Math.min(100, result.score + weights[reason])
}

export interface CompanyFeatures {
  name: NameFeatures
  customerNumber: string
  postalCode: string
  city: string[]
  phone: string | null
  domains: string[]
}

export function companyFeatures(company: CompanyDuplicateInput): CompanyFeatures {
  const parsed = parseCompanyName(company.name)
  const domains = (company.emailDomains ?? []).map(companyEmailDomain).filter((domain): domain is string => domain !== null)
  return {
    name: nameFeatures(parsed.words),
    customerNumber: normaliseCustomerNumber(company.customerNumber),
    postalCode: normalisePostalCode(company.postalCode),
    // A record without a city may name one after its name: "Mueller GmbH, Köln".
    city: cityWords(company.city.trim() ? company.city : parsed.place),
    phone: normalisePhone(company.phone),
    domains: [...new Set(domains)],
  }
}

export function scoreCompanyFeatures(a: CompanyFeatures, b: CompanyFeatures): DuplicateScore {
  const result = compareNames(a.name, b.name, COMPANY_WEIGHTS, COMPANY_SIMILAR_AND_SOUNDS_ALIKE)
  tally(result, COMPANY_WEIGHTS, 'sameCustomerNumber', a.customerNumber !== '' && a.customerNumber === b.customerNumber)
  tally(result, COMPANY_WEIGHTS, 'samePhone', a.phone !== null && a.phone === b.phone)
  tally(result, COMPANY_WEIGHTS, 'sameEmailDomain', intersects(a.domains, b.domains))
  tally(result, COMPANY_WEIGHTS, 'samePostalCode', a.postalCode !== '' && a.postalCode === b.postalCode)
  tally(result, COMPANY_WEIGHTS, 'sameCity', sameCity(a.city, b.city))
  return result
}

/** How likely two companies are one: "Müller GmbH" and "Mueller GmbH, Köln" share the name (60). */
export const companyDuplicateScore = (a: CompanyDuplicateInput, b: CompanyDuplicateInput): DuplicateScore =>
  scoreCompanyFeatures(companyFeatures(a), companyFeatures(b))

export interface ContactFeatures {
  name: NameFeatures
  companyId: string
  email: string
  phones: string[]
}

export function contactFeatures(contact: ContactDuplicateInput): ContactFeatures {
  const last = foldedWords(contact.lastName)
  const name = last.length ? nameFeatures([...foldedWords(contact.firstName), ...last]) : nameFeatures([])
  const phones = [normalisePhone(contact.phone), normalisePhone(contact.mobile)].filter((phone): phone is string => phone !== null)
  return {
    name, companyId: contact.companyId, email: normaliseEmail(contact.email), phones: [...new Set(phones)],
  }
}

export function scoreContactFeatures(a: ContactFeatures, b: ContactFeatures): DuplicateScore {
  const result = compareNames(a.name, b.name, CONTACT_WEIGHTS, CONTACT_SIMILAR_AND_SOUNDS_ALIKE)
  tally(result, CONTACT_WEIGHTS, 'sameEmail', a.email !== '' && a.email === b.email)
  tally(result, CONTACT_WEIGHTS, 'samePhone', intersects(a.phones, b.phones))
  tally(result, CONTACT_WEIGHTS, 'sameCompany', a.companyId !== '' && a.companyId === b.companyId)
  return result
}

/** How likely two contacts are one person. */
export const contactDuplicateScore = (a: ContactDuplicateInput, b: ContactDuplicateInput): DuplicateScore =>
  scoreContactFeatures(contactFeatures(a), contactFeatures(b))

/**
 * Whether two contacts are certainly the same person, by the strict signs only: the same e-mail address (case
 * ignored), else the same first and last name (folded: "Müller" = "Mueller", case and spaces ignored) — `email`,
 * `name`, or null. For matching within one company (a lead converted into an existing company reuses its contact):
 * a similar name, a shared phone or namesakes at other companies are the duplicate list's business, not a match.
 */
export function samePersonBy(a: ContactFeatures, b: ContactFeatures): 'email' | 'name' | null {
  if (a.email !== '' && a.email === b.email) return 'email'
  return a.name.key !== '' && a.name.key === b.name.key ? 'name' : null
}

/**
 * The contact among `candidates` who is `person`: the first with the same e-mail address, else the first with the
 * same first and last name (`samePersonBy`); null when none is.
 */
export function matchingPerson<T extends ContactDuplicateInput>(person: ContactDuplicateInput, candidates: readonly T[]): T | null {
  const wanted = contactFeatures(person)
  const by = candidates.map((c) => ({ c, by: samePersonBy(wanted, contactFeatures(c)) }))
  return (by.find((x) => x.by === 'email') ?? by.find((x) => x.by === 'name'))?.c ?? null
}
