// The contact list exported through its channels: the CSV with the list's filters read back by papaparse,
// and vCard 4 files (one contact, and the filtered list) parsed back by ical.js with names, title, company,
// e-mail, phones, address and umlauts intact.
import ICAL from 'ical.js'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { ExportFile } from '../../shared/platform/export-file'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
const ids: Record<string, string> = {}
let brunsviga = ''

async function must<T>(channel: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const answer = await dispatch(t.app, channel, input)
  if (!answer.ok) throw new Error(JSON.stringify(answer.error))
  return answer.data as T
}

beforeAll(async () => {
  t = await openTestDb()
  brunsviga = (await must<{ id: string }>('companies.create', validCompany({ name: 'Müller; Söhne, Gärtnerei', street: 'Hauptstraße 1', postalCode: '38100', city: 'Braunschweig' }))).id
  const other = (await must<{ id: string }>('companies.create', validCompany({ name: 'Bäckerei Öztürk', customerNumber: 'K-2', city: 'München' }))).id
  const contact = (companyId: string, fields: Record<string, unknown>) => must<{ id: string }>('contacts.create', { companyId, salutation: 'none', language: 'de', ...fields })
  ids.anna = (await contact(brunsviga, { salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Müller-Lüdenscheidt', jobFunction: 'Leiterin Einkauf', email: 'anna.mueller@example.de', phone: '+49 531 123-45', mobile: '0170 1234567', buyingRole: 'purchaser' })).id
  ids.jan = (await contact(brunsviga, { salutation: 'mr', firstName: 'Jan', lastName: 'Özdemir', buyingRole: 'user', language: 'en' })).id
  ids.eva = (await contact(other, { firstName: 'Eva', lastName: 'Bäcker', buyingRole: 'purchaser', email: 'eva@example.de' })).id
})
afterAll(async () => t.cleanup())

const bytesOf = (file: ExportFile) => Buffer.from(file.base64, 'base64')
const cardsOf = (file: ExportFile) => {
  const parsed: unknown = ICAL.parse(bytesOf(file).toString('utf8'))
  const list = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : parsed) as unknown[]
  return list.map((jcard) => new ICAL.Component(jcard as [string, unknown[], unknown[]]))
}

describe('contact list export', () => {
  it('writes the filtered list as CSV with labels in the reader language', async () => {
    const file = await must<ExportFile>('contacts.export', { buyingRole: 'purchaser', sort: 'lastName', dir: 'asc', format: 'csv', language: 'de' })
    expect(file.rows).toBe(2)
    expect(file.fileName).toMatch(/^Ansprechpartner-\d{4}-\d{2}-\d{2}\.csv$/)
    const bytes = bytesOf(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data
    expect(rows[0]).toEqual(['Anrede', 'Titel', 'Vorname', 'Nachname', 'Firma', 'Funktion', 'E-Mail', 'Telefon', 'Mobil', 'Rolle im Buying Center', 'Korrespondenzsprache'])
    // A phone number starting with "+" gets the leading "'" of the CSV-injection policy (export-cells.ts).
    expect(rows.slice(1)).toEqual([
      ['Ohne Anrede', '', 'Eva', 'Bäcker', 'Bäckerei Öztürk', '', 'eva@example.de', '', '', 'Einkauf', 'Deutsch'],
      ['Frau', 'Dr.', 'Anna', 'Müller-Lüdenscheidt', 'Müller; Söhne, Gärtnerei', 'Leiterin Einkauf', 'anna.mueller@example.de', "'+49 531 123-45", '0170 1234567', 'Einkauf', 'Deutsch'],
    ])
  })

  it('filters by company and answers in English', async () => {
    const file = await must<ExportFile>('contacts.export', { companyId: brunsviga, buyingRole: 'user', format: 'xlsx', language: 'en' })
    expect(file.rows).toBe(1)
    expect(file.fileName).toMatch(/^Contacts-.*\.xlsx$/)
  })
})

describe('vCard export', () => {
  it('writes one contact as a vCard 4 that ical.js reads back', async () => {
    const file = await must<ExportFile>('contacts.vcard', { id: ids.anna })
    expect(file.fileName).toMatch(/^Anna-M.*\.vcf$/)
    expect(file.mimeType).toMatch(/^text\/vcard/)
    const text = bytesOf(file).toString('utf8')
    expect(text).toContain('ORG:Müller\\; Söhne\\, Gärtnerei')
    const [card, ...more] = cardsOf(file)
    expect(more).toHaveLength(0)
    expect(card!.name).toBe('vcard')
    expect(card!.getFirstPropertyValue('version')).toBe('4.0')
    expect(card!.getFirstPropertyValue('fn')).toBe('Dr. Anna Müller-Lüdenscheidt')
    expect(card!.getFirstPropertyValue('n')).toEqual(['Müller-Lüdenscheidt', 'Anna', '', 'Dr.', ''])
    // A structured value of one component comes back as its text.
    expect(card!.getFirstPropertyValue('org')).toBe('Müller; Söhne, Gärtnerei')
    expect(card!.getFirstPropertyValue('title')).toBe('Leiterin Einkauf')
    expect(card!.getFirstPropertyValue('email')).toBe('anna.mueller@example.de')
    const tels = card!.getAllProperties('tel').map((p) => [p.getParameter('type'), p.getFirstValue()])
    expect(tels).toEqual([[['work', 'voice'], '+49 531 123-45'], ['cell', '0170 1234567']])
    expect(card!.getFirstPropertyValue('lang')).toBe('de')
    expect(card!.getFirstPropertyValue('adr')).toEqual(['', '', 'Hauptstraße 1', 'Braunschweig', '', '38100', ''])
    expect(card!.getFirstProperty('adr')!.getParameter('type')).toBe('work')
    expect(card!.getFirstPropertyValue('uid')).toBe(`urn:uuid:${ids.anna}`)
    expect(String(card!.getFirstPropertyValue('rev'))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  })

  it('writes one VCARD per contact of the filtered list', async () => {
    const file = await must<ExportFile>('contacts.vcard', { buyingRole: 'purchaser', sort: 'lastName', dir: 'asc' })
    expect(file.rows).toBe(2)
    expect(cardsOf(file).map((c) => c.getFirstPropertyValue('uid'))).toEqual([`urn:uuid:${ids.eva}`, `urn:uuid:${ids.anna}`])
    const all = await must<ExportFile>('contacts.vcard', {})
    expect(cardsOf(all)).toHaveLength(3)
  })

  it('answers not found for an unknown contact', async () => {
    const answer = await dispatch(t.app, 'contacts.vcard', { id: '01900000-0000-7000-8000-000000000000' })
    expect(answer.ok).toBe(false)
  })
})
