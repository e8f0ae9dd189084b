// What an imported row means: which file column is which field (suggested from the header names German
// and English systems write), and how a cell becomes a field's value — a federal state, segment, status,
// salutation or language by its code or its label in either language ("Nordrhein-Westfalen", "NRW", "NW"),
// a postcode Excel cut to four digits given its leading zero back.
import { translateEnum, type EnumList } from '../../../../shared/i18n'
import { foldGerman } from '../../../../shared/modules/customers/duplicate.normalise'
import { COMPANY_STATUSES, FEDERAL_STATES, LANGUAGES, LEAD_SOURCES, SALUTATIONS, SEGMENTS, BUYING_ROLES } from '../../../../shared/modules/customers/customer.enums'
import {
  IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportTarget, type SavedMapping,
} from '../../../../shared/modules/customers/customer-import.schema'

/** A header as compared: lower case, umlauts and ß folded, only letters and digits ("E-Mail-Adresse" → "emailadresse"). */
export const foldHeader = (header: string): string => foldGerman(header).replace(/[^a-z0-9]/g, '')

const NUMBER = ['kundennummer', 'kundennr', 'kdnr', 'kundenid', 'debitor', 'debitornummer', 'debitorennummer', 'debitorennr', 'customernumber', 'customerno', 'customerid', 'accountnumber']
const COMPANY = ['firma', 'firmenname', 'unternehmen', 'unternehmensname', 'company', 'companyname', 'accountname', 'account', 'organisation', 'organization', 'kunde', 'kundenname']
const NOTES = ['notizen', 'notiz', 'bemerkungen', 'bemerkung', 'anmerkungen', 'anmerkung', 'kommentar', 'hinweis', 'notes', 'note', 'comments', 'comment', 'beschreibung', 'description']

/** Header names per field, most specific first; the fields are tried in this order and each column is used once. */
const SYNONYMS: Record<ImportTarget, Partial<Record<ImportField, string[]>>> = {
  companies: {
    customerNumber: NUMBER,
    name: [...COMPANY, 'name', 'name1'],
    street: ['strasseundhausnummer', 'strassehausnummer', 'strasse', 'str', 'anschrift', 'adresse', 'street', 'streetaddress', 'addressline1', 'address'],
    postalCode: ['plz', 'postleitzahl', 'zip', 'zipcode', 'postalcode', 'postcode'],
    city: ['ort', 'stadt', 'city', 'town', 'sitz'],
    federalState: ['bundesland', 'federalstate', 'state', 'region'],
    industry: ['branche', 'industry', 'sector', 'wirtschaftszweig'],
    segment: ['segment', 'kundensegment'],
    status: ['status', 'kundenstatus'],
    leadSource: ['leadquelle', 'quelle', 'herkunft', 'leadsource', 'source'],
    notes: NOTES,
  },
  contacts: {
    companyCustomerNumber: NUMBER,
    companyName: COMPANY,
    salutation: ['anrede', 'salutation', 'geschlecht', 'gender'],
    title: ['titel', 'akademischertitel', 'title'],
    firstName: ['vorname', 'firstname', 'givenname', 'first'],
    lastName: ['nachname', 'familienname', 'lastname', 'surname', 'familyname', 'last', 'name'],
    jobFunction: ['funktion', 'position', 'jobtitle', 'job', 'berufsbezeichnung'],
    email: ['email', 'emailadresse', 'emailaddress', 'mail', 'email1'],
    phone: ['telefon', 'telefonnummer', 'telefongeschaeftlich', 'tel', 'phone', 'phonenumber', 'telephone', 'businessphone', 'festnetz'],
    mobile: ['mobil', 'mobiltelefon', 'mobilnummer', 'handy', 'mobile', 'mobilephone', 'cellphone', 'cell'],
    language: ['sprache', 'korrespondenzsprache', 'language'],
    buyingRole: ['rolleimbuyingcenter', 'kaufrolle', 'buyingrole', 'rolle', 'role'],
    notes: NOTES,
  },
}

/** The mapping the header names suggest: each field takes the first unused column whose header is one of its names. */
export function suggestMapping(target: ImportTarget, header: string[]): ImportMapping {
  const folded = header.map(foldHeader)
  const used = new Set<number>()
  const mapping: ImportMapping = {}
  for (const field of IMPORT_FIELDS[target]) {
    mapping[field] = null
    for (const name of SYNONYMS[target][field] ?? []) {
      const column = folded.findIndex((h, i) => h === name && !used.has(i))
      if (column >= 0) {
        mapping[field] = column
        used.add(column)
        break
      }
    }
  }
  return mapping
}

/** A saved mapping applied to a file: only when every column it names is in the file's header. */
export function applySavedMapping(saved: SavedMapping, header: string[]): ImportMapping | null {
  const mapping: ImportMapping = {}
  for (const field of IMPORT_FIELDS[saved.target]) {
    const name = saved.columns[field]
    if (!name) {
      mapping[field] = null
      continue
    }
    const column = header.indexOf(name)
    if (column < 0) return null
    mapping[field] = column
  }
  return mapping
}

type Reader = (text: string) => string | null

/** A value of a closed list read by its code or its label in German or English; unknown → null. */
function enumReader<V extends string>(list: EnumList, values: readonly V[], aliases: Record<string, V> = {}): Reader {
  const known = new Map<string, V>()
  for (const value of values) {
    known.set(foldHeader(value), value)
    for (const language of ['de', 'en'] as const) known.set(foldHeader(translateEnum(language, list, value as never)), value)
  }
  for (const [alias, value] of Object.entries(aliases)) known.set(foldHeader(alias), value)
  return (text) => known.get(foldHeader(text)) ?? null
}

const readers = {
  federalState: enumReader('federalState', FEDERAL_STATES, { NRW: 'NW', 'Baden Württemberg': 'BW', MeckPomm: 'MV' }),
  segment: enumReader('segment', SEGMENTS),
  status: enumReader('status', COMPANY_STATUSES, { Bestandskunde: 'customer', Lead: 'prospect', Altkunde: 'former' }),
  leadSource: enumReader('leadSource', LEAD_SOURCES, { Messe: 'trade_fair', Empfehlung: 'referral', Webseite: 'website' }),
  salutation: enumReader('salutation', SALUTATIONS, { 'Mr.': 'mr', 'Mrs.': 'ms', Mrs: 'ms', 'Ms.': 'ms', Herrn: 'mr', männlich: 'mr', weiblich: 'ms', male: 'mr', female: 'ms', Divers: 'none' }),
  language: enumReader('language', LANGUAGES, { Deutsch: 'de', German: 'de', Englisch: 'en', English: 'en', DE: 'de', EN: 'en' }),
  buyingRole: enumReader('buyingRole', BUYING_ROLES, { Entscheider: 'decision_maker', Einkauf: 'purchaser', Einkäufer: 'purchaser', Anwender: 'user' }),
} satisfies Partial<Record<ImportField, Reader>>

/** Fields read through a list: a value no code or label names is a problem of its row. */
export const ENUM_FIELDS = new Set<ImportField>(Object.keys(readers) as ImportField[])

/**
 * The cell of a field as the field's input: trimmed; a list value as its code (null when unknown); a
 * four-digit postcode with its leading zero (Excel drops it: "1067" is Dresden's "01067").
 */
export function readCell(field: ImportField, raw: string): string | null {
  const text = raw.trim()
  if (field in readers) return text === '' ? '' : readers[field as keyof typeof readers](text)
  if (field === 'postalCode' && /^\d{4}$/.test(text)) return `0${text}`
  if (field === 'email') return text.replace(/^mailto:/i, '')
  return text
}

/** The cells of one row by field, for the mapped fields only. */
export function cellsOf(mapping: ImportMapping, cells: string[]): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {}
  for (const [field, column] of Object.entries(mapping) as Array<[ImportField, number | null]>) {
    if (column !== null && column !== undefined) out[field] = cells[column] ?? ''
  }
  return out
}
