// vCard import through its channel: an Outlook-style vCard 3.0 counted in a dry run that writes nothing,
// then created; the same file again updates instead of duplicating; a card without a known company waits for
// the chosen one; bad files are refused with a clear key and nothing written; a bad card is reported and
// the others are imported only on confirmation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { ContactListItem } from '../../shared/modules/customers/customer.types'
import type { VcardImportReport } from '../../shared/modules/customers/contact-import.schema'
import { counts, openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
let muellerAg = ''
let other = ''

beforeAll(async () => {
  t = await openTestDb()
  const company = async (name: string) => {
    const answer = await dispatch(t.app, 'companies.create', validCompany({ name, customerNumber: '' }))
    if (!answer.ok) throw new Error(JSON.stringify(answer.error))
    return (answer.data as { id: string }).id
  }
  muellerAg = await company('Müller AG')
  other = await company('Bäckerei Öztürk')
})
afterAll(async () => t.cleanup())

const OUTLOOK = [
  'BEGIN:VCARD', 'VERSION:3.0', 'N:Müller;Anna;;Dr.;', 'FN:Dr. Anna Müller', 'ORG:müller ag;Einkauf', 'TITLE:Leiterin Einkauf',
  'EMAIL;TYPE=INTERNET,WORK:anna.mueller@example.de', 'TEL;TYPE=WORK,VOICE:+49 531 123-45', 'TEL;TYPE=CELL:0170 1234567', 'END:VCARD',
  'BEGIN:VCARD', 'VERSION:3.0', 'N:Weiß;Jörg;;Herr;', 'FN:Jörg Weiß', 'ORG:Müller AG', 'END:VCARD', '',
].join('\r\n')

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64')
async function importing(file: string | Buffer, options: { dryRun: boolean; companyId?: string }) {
  return dispatch(t.app, 'contacts.importVcard', { base64: b64(file), ...options })
}
async function report(file: string | Buffer, options: { dryRun: boolean; companyId?: string }): Promise<VcardImportReport> {
  const answer = await importing(file, options)
  if (!answer.ok) throw new Error(JSON.stringify(answer.error))
  return answer.data as VcardImportReport
}
const contactsOf = async (companyId: string) => {
  const answer = await dispatch(t.app, 'contacts.list', { companyId, limit: 100 })
  if (!answer.ok) throw new Error('list failed')
  return (answer.data as { rows: ContactListItem[] }).rows
}

describe('vCard import', () => {
  it('counts an Outlook vCard 3.0 in a dry run without writing, then creates the contacts', async () => {
    const before = await counts(t.database.db, 'contacts')
    const dry = await report(OUTLOOK, { dryRun: true })
    expect(dry).toMatchObject({ dryRun: true, cards: 2, created: 2, updated: 0, skipped: 0, needsCompany: false, problems: [] })
    expect(await counts(t.database.db, 'contacts')).toEqual(before)

    const done = await report(OUTLOOK, { dryRun: false })
    expect(done).toMatchObject({ dryRun: false, created: 2, updated: 0, skipped: 0 })
    const rows = await contactsOf(muellerAg)
    const anna = rows.find((r) => r.lastName === 'Müller')
    expect(anna).toMatchObject({ salutation: 'none', title: 'Dr.', firstName: 'Anna', jobFunction: 'Leiterin Einkauf', email: 'anna.mueller@example.de', phone: '+49 531 123-45', mobile: '0170 1234567', language: 'de' })
    expect(rows.find((r) => r.lastName === 'Weiß')).toMatchObject({ salutation: 'mr', firstName: 'Jörg', title: '' })
  })

  it('updates instead of duplicating when the same file comes again', async () => {
    const before = await counts(t.database.db, 'contacts')
    const changed = OUTLOOK.replace('TITLE:Leiterin Einkauf', 'TITLE:Geschäftsführerin')
    expect(await report(changed, { dryRun: true })).toMatchObject({ created: 0, updated: 2 })
    expect(await report(changed, { dryRun: false })).toMatchObject({ created: 0, updated: 2 })
    expect((await counts(t.database.db, 'contacts')).rows).toBe(before.rows)
    expect((await contactsOf(muellerAg)).find((r) => r.lastName === 'Müller')?.jobFunction).toBe('Geschäftsführerin')
  })

  it('asks for the company when ORG names none, and uses the chosen one', async () => {
    const card = 'BEGIN:VCARD\r\nVERSION:4.0\r\nN:Bäcker;Eva;;Frau;\r\nFN:Eva Bäcker\r\nORG:Unbekannt GmbH\r\nEMAIL:eva@example.de\r\nEND:VCARD\r\n'
    const dry = await report(card, { dryRun: true })
    expect(dry).toMatchObject({ created: 0, skipped: 1, needsCompany: true, problems: [{ card: 1, field: 'companyId', key: 'errors.vcardCompanyNeeded', skipped: true }] })
    expect(await report(card, { dryRun: false, companyId: other })).toMatchObject({ created: 1, needsCompany: false })
    expect((await contactsOf(other)).map((r) => [r.salutation, r.lastName])).toEqual([['ms', 'Bäcker']])
  })

  it('reports a card with an invalid e-mail and imports the others only on confirmation', async () => {
    const file = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Kaputt;Karl;;Mx;', 'ORG:Müller AG', 'EMAIL:karl(at)example', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Neu;Nina;;Mx;', 'ORG:Müller AG', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:', 'ORG:Müller AG', 'END:VCARD', '',
    ].join('\r\n')
    const before = await counts(t.database.db, 'contacts')
    const dry = await report(file, { dryRun: true })
    expect(dry).toMatchObject({ cards: 3, created: 1, skipped: 2 })
    expect(dry.problems).toEqual(expect.arrayContaining([
      { card: 1, field: 'email', key: 'errors.email', skipped: true },
      { card: 2, field: 'salutation', key: 'errors.vcardSalutationUnknown', skipped: false },
      { card: 3, field: 'lastName', key: 'errors.required', skipped: true },
    ]))
    expect(await counts(t.database.db, 'contacts')).toEqual(before)
    expect(await report(file, { dryRun: false })).toMatchObject({ created: 1, skipped: 2 })
    expect((await contactsOf(muellerAg)).find((r) => r.lastName === 'Neu')?.salutation).toBe('none')
  })

  it.each([
    ['not a vCard', 'Name;E-Mail\r\nAnna;a@example.de\r\n', 'errors.vcardNotVcard'],
    ['an empty file', '', 'errors.vcardEmpty'],
    ['a file of blanks', '  \r\n', 'errors.vcardEmpty'],
    ['a card that never ends', 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Offen;Otto;;;\r\n', 'errors.vcardNotVcard'],
    ['broken encoding (Latin-1 umlauts)', Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nN:M\xfcller;J\xf6rg;;;\r\nORG:M\xfcller AG\r\nEND:VCARD\r\n', 'latin1'), 'errors.vcardEncoding'],
    ['more than 5,000 cards', 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Viele;V;;;\r\nORG:Müller AG\r\nEND:VCARD\r\n'.repeat(5001), 'errors.vcardTooMany'],
  ])('refuses %s with a clear message and writes nothing', async (_, file, key) => {
    const before = await counts(t.database.db, 'contacts')
    const answer = await importing(file, { dryRun: false })
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(JSON.stringify(answer.error)).toContain(key)
    expect(await counts(t.database.db, 'contacts')).toEqual(before)
  })

  it('refuses a file larger than 5 MB', async () => {
    const answer = await importing(Buffer.alloc(5 * 1024 * 1024 + 1, 'A'), { dryRun: true })
    expect(answer.ok).toBe(false)
    expect(JSON.stringify(answer.ok ? null : answer.error)).toContain('errors.vcardTooLarge')
  })
})
