// Contacts as vCard 4 (RFC 6350), written by ical.js from jCard (RFC 7095): the library does the escaping
// of commas, semicolons and line breaks, the line folding and the value types; we only say which of our
// fields goes where. The company's address is the contact's work address; the contact id is its UID.
import ICAL from 'ical.js'
import type { ContactCardRow } from '../../../../db/modules/customers/contact.repository'

type JCardProperty = [name: string, params: Record<string, string | string[]>, type: string, ...values: unknown[]]

function cardOf(k: ContactCardRow): JCardProperty[] {
  const props: JCardProperty[] = [
    ['version', {}, 'text', '4.0'],
    ['fn', {}, 'text', [k.title, k.first_name, k.last_name].filter(Boolean).join(' ')],
    // N: family; given; additional; prefixes (the academic title); suffixes.
    ['n', {}, 'text', [k.last_name, k.first_name, '', k.title, '']],
    ['org', {}, 'text', [k.company_name]],
  ]
  if (k.job_function) props.push(['title', {}, 'text', k.job_function])
  if (k.email) props.push(['email', { type: 'work' }, 'text', k.email])
  // A typed phone number is not always a valid tel: URI (spaces, slashes), so it travels as text.
  if (k.phone) props.push(['tel', { type: ['work', 'voice'] }, 'text', k.phone])
  if (k.mobile) props.push(['tel', { type: 'cell' }, 'text', k.mobile])
  props.push(['lang', { type: 'work' }, 'language-tag', k.language])
  if (k.company_street || k.company_postal_code || k.company_city) {
    // ADR: post office box; extended address; street; locality; region; postal code; country.
    props.push(['adr', { type: 'work' }, 'text', ['', '', k.company_street, k.company_city, '', k.company_postal_code, '']])
  }
  props.push(['uid', {}, 'uri', `urn:uuid:${k.id}`])
  props.push(['rev', {}, 'timestamp', `${k.updated_at.slice(0, 19)}Z`])
  return props
}

/** One VCARD per contact, in the order given, as one .vcf text. */
export function toVcards(contacts: readonly ContactCardRow[]): string {
  return contacts.map((k) => `${new ICAL.Component(['vcard', cardOf(k), []]).toString()}\r\n`).join('')
}
