// Finding the likely duplicates in a whole list without comparing every record with every other:
// records are grouped by blocking keys and only records sharing a key are scored, each pair once.
//
// Companies share a key when they have the same normalised name, customer number, phone number, company
// e-mail domain, Kölner Phonetik of all name words, or postcode; and, for lists below the line, the same
// code of the first name word in the same city. No pair of LIKELY_DUPLICATE_SCORE or more is lost: a pair
// without a same name, number, phone or domain reaches 50 only at the same postcode or with names that
// sound alike (see the weights in duplicate.rules.ts). Contacts share a key with the same e-mail, phone
// number, name or phonetic name; namesakes without a shared e-mail or phone score 45 at most elsewhere.
// A group of more than MAX_WEAK_GROUP records under a weak key (phonetic, place) is skipped: it says too
// little to be worth its quadratic cost, and the exact keys still find what it holds.
import {
  companyFeatures, contactFeatures, LIKELY_DUPLICATE_SCORE, scoreCompanyFeatures, scoreContactFeatures,
  type CompanyDuplicateInput, type CompanyFeatures, type ContactDuplicateInput, type ContactFeatures,
  type DuplicateReason, type DuplicateScore,
} from './duplicate.rules'

export interface DuplicatePair<T> { a: T; b: T; score: number; reasons: DuplicateReason[] }
export interface DuplicateScanOptions {
  /** The lowest score listed; LIKELY_DUPLICATE_SCORE (50) by default. */
  minScore?: number
}

export const MAX_WEAK_GROUP = 500

/** A blocking key; weak keys (phonetic) start with '~' and are skipped when their group is too large. */
type BlockingKey = string

function scan<T extends { id: string }, F>(
  rows: readonly T[], features: (row: T) => F, keys: (f: F) => BlockingKey[], score: (a: F, b: F) => DuplicateScore,
  options: DuplicateScanOptions,
): DuplicatePair<T>[] {
  const minScore = options.minScore ?? LIKELY_DUPLICATE_SCORE
  const prepared = rows.map(features)
  const groups = new Map<BlockingKey, number[]>()
  prepared.forEach((f, index) => {
    for (const key of new Set(keys(f))) {
      const group = groups.get(key)
      if (group) group.push(index)
      else groups.set(key, [index])
    }
  })
  const compared = new Set<number>()
  const pairs: DuplicatePair<T>[] = []
  for (const [key, group] of groups) {
    if (group.length < 2 || (key.startsWith('~') && group.length > MAX_WEAK_GROUP)) continue
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const i = group[x]!
        const j = group[y]!
        const pairKey = i * rows.length + j // indices ascend within a group, so i < j
        if (compared.has(pairKey)) continue
        compared.add(pairKey)
        const a = rows[i]!
        const b = rows[j]!
        if (a.id === b.id) continue // the same record listed twice is no duplicate of itself
        const result = score(prepared[i]!, prepared[j]!)
        if (result.score >= minScore) pairs.push({ a, b, ...result })
      }
    }
  }
  return pairs.sort((p, q) => q.score - p.score || compareIds(p.a.id, q.a.id) || compareIds(p.b.id, q.b.id))
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function companyKeys(f: CompanyFeatures): BlockingKey[] {
  const keys: BlockingKey[] = []
  if (f.name.key) keys.push(`name:${f.name.key}`)
  if (f.customerNumber) keys.push(`number:${f.customerNumber}`)
  if (f.phone) keys.push(`phone:${f.phone}`)
  for (const domain of f.domains) keys.push(`domain:${domain}`)
  if (f.name.phonetic) keys.push(`~phonetic:${f.name.phonetic}`)
  if (f.postalCode) keys.push(`~postcode:${f.postalCode}`)
  if (f.name.firstPhonetic && f.city.length) keys.push(`~first:${f.name.firstPhonetic}@${f.city.join(' ')}`)
  return keys
}

function contactKeys(f: ContactFeatures): BlockingKey[] {
  const keys: BlockingKey[] = []
  if (f.email) keys.push(`email:${f.email}`)
  for (const phone of f.phones) keys.push(`phone:${phone}`)
  if (f.name.key) keys.push(`name:${f.name.key}`)
  if (f.name.phonetic) keys.push(`~phonetic:${f.name.phonetic}`)
  return keys
}

/** Likely duplicate companies, best first; `a` comes before `b` in `rows`. */
export const findDuplicateCompanies = <T extends CompanyDuplicateInput>(rows: readonly T[], options: DuplicateScanOptions = {}): DuplicatePair<T>[] =>
  scan(rows, companyFeatures, companyKeys, scoreCompanyFeatures, options)

/** Likely duplicate contacts, best first; `a` comes before `b` in `rows`. */
export const findDuplicateContacts = <T extends ContactDuplicateInput>(rows: readonly T[], options: DuplicateScanOptions = {}): DuplicatePair<T>[] =>
  scan(rows, contactFeatures, contactKeys, scoreContactFeatures, options)
