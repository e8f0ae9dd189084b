// Reads a .vcf (vCard 3.0 as Outlook and phones write it, or 4.0) with ical.js into one draft per card. The
// file is refused as a whole — nothing read, nothing written — when it is empty, too large, not UTF-8, not
// a vCard, or holds too many cards; what is wrong with one card is that card's problem, found later.
import ICAL from 'ical.js'
import { MAX_VCARD_BYTES, MAX_VCARDS } from '../../../../shared/modules/customers/contact-import.schema'
import type { Salutation } from '../../../../shared/modules/customers/customer.enums'
import { AppError } from '../../../../shared/platform/result'

export interface CardDraft {
  /** From 1, in file order. */
  number: number
  version: string
  salutation: Salutation
  /** A prefix word that is neither a salutation nor an academic title (read as no salutation). */
  unknownSalutation: boolean
  title: string
  firstName: string
  lastName: string
  org: string
  jobFunction: string
  email: string
  phone: string
  mobile: string
  language: string
}

const SALUTATION_WORDS: Record<string, Salutation> = {
  frau: 'ms', herr: 'mr', mr: 'mr', ms: 'ms', mrs: 'ms', miss: 'ms',
}
// Academic and professional titles stay in the title ("Dr.", "Prof. Dr.-Ing.", "Dipl.-Kfm.").
const TITLE_WORD = /\.|^(dr|prof|dipl|mag|ing|mba|msc|bsc|phd|llm)\b/i

const refuse = (key: string) => new AppError('validation', key)

function decode(bytes: Uint8Array): string {
  if (bytes.length === 0) throw refuse('errors.vcardEmpty')
  if (bytes.length > MAX_VCARD_BYTES) throw refuse('errors.vcardTooLarge')
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw refuse('errors.vcardEncoding')
  }
}

/** A property's value as one text: components of a structured or multi-valued value joined. */
const textOf = (value: unknown): string => (Array.isArray(value) ? value.map(textOf).filter(Boolean).join(' ') : typeof value === 'string' ? value.trim() : '')

function readPrefix(prefix: string, gender: string): { salutation: Salutation; unknownSalutation: boolean; title: string } {
  let salutation: Salutation | null = null
  let unknownSalutation = false
  const title: string[] = []
  for (const word of prefix.split(/\s+/).filter(Boolean)) {
    const known = SALUTATION_WORDS[word.replace(/\.$/, '').toLowerCase()]
    if (known) salutation ??= known
    else if (TITLE_WORD.test(word)) title.push(word)
    else unknownSalutation = true
  }
  // vCard 4's GENDER (sex component first): F or M says the salutation when the prefix does not.
  const sex = gender.trim().charAt(0).toUpperCase()
  salutation ??= sex === 'F' ? 'ms' : sex === 'M' ? 'mr' : null
  return { salutation: salutation ?? 'none', unknownSalutation: unknownSalutation && !salutation, title: title.join(' ') }
}

function typesOf(property: ICAL.Property): string[] {
  const type: unknown = property.getParameter('type')
  return (Array.isArray(type) ? type : [type]).flatMap((t) => (typeof t === 'string' ? t.toLowerCase().split(',') : []))
}

function draftOf(card: ICAL.Component, number: number): CardDraft {
  const text = (name: string) => textOf(card.getFirstPropertyValue(name))
  const n: unknown = card.getFirstPropertyValue('n')
  const parts = Array.isArray(n) ? n.map(textOf) : [textOf(n)]
  let [lastName = '', firstName = ''] = parts
  if (!lastName && !firstName) {
    // No N: the formatted name's last word is the family name.
    const words = text('fn').split(/\s+/).filter(Boolean)
    lastName = words.pop() ?? ''
    firstName = words.join(' ')
  }
  const prefix = readPrefix(parts[3] ?? '', text('gender'))
  const org: unknown = card.getFirstPropertyValue('org')
  const tels = card.getAllProperties('tel')
  const cell = tels.find((p) => typesOf(p).includes('cell'))
  const voice = tels.find((p) => p !== cell && !typesOf(p).includes('fax'))
  const telText = (p: ICAL.Property | undefined) => (p ? textOf(p.getFirstValue()).replace(/^tel:/i, '') : '')
  return {
    number,
    version: text('version'),
    ...prefix,
    firstName,
    lastName,
    org: Array.isArray(org) ? textOf(org[0]) : textOf(org),
    jobFunction: text('title'),
    email: text('email'),
    phone: telText(voice),
    mobile: telText(cell),
    language: text('lang').slice(0, 2).toLowerCase(),
  }
}

/** The cards of a .vcf file, or an AppError with the reason the whole file is refused. */
export function readVcards(bytes: Uint8Array): CardDraft[] {
  const text = decode(bytes)
  if (text.trim() === '') throw refuse('errors.vcardEmpty')
  if (!/^\s*BEGIN:VCARD\s*$/im.test(text.split(/\r?\n/, 1)[0] ?? '')) throw refuse('errors.vcardNotVcard')
  if ((text.match(/^BEGIN:VCARD\s*$/gim) ?? []).length > MAX_VCARDS) throw refuse('errors.vcardTooMany')
  let parsed: unknown
  try {
    parsed = ICAL.parse(text)
  } catch {
    throw refuse('errors.vcardNotVcard')
  }
  const jcards = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : parsed) as unknown[]
  const cards = jcards.map((j) => new ICAL.Component(j as [string, unknown[], unknown[]]))
  if (cards.length === 0 || cards.some((c) => c.name !== 'vcard')) throw refuse('errors.vcardNotVcard')
  return cards.map((c, i) => draftOf(c, i + 1))
}
