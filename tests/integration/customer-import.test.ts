// Company and contact import through its channels, as the screen drives it: the file uploaded in chunks,
// analysed (encoding, separator, suggested mapping, the dry run that writes nothing), then run in batches.
// A Windows-1252 CSV with semicolons and umlauts as Excel saves it, an .xlsx with typed cells, a bad row
// named by line and field, a re-import that updates instead of duplicating, contacts found by their
// company's number or name, cancelling between batches, saved mappings, and every refused file with nothing
// written.
import ExcelJS from 'exceljs'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { IMPORT_BATCH } from '../../electron/main/modules/customers/customer-import.service'
import type { ImportAnalysis, ImportMapping, ImportProgress, ImportTarget } from '../../shared/modules/customers/customer-import.schema'
import { IMPORT_CHUNK_BYTES } from '../../shared/modules/customers/customer-import.schema'
import { counts, mustOf, openTestDb, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeAll(async () => { t = await openTestDb() })
afterAll(async () => t.cleanup())

const must = mustOf(() => t.app)

async function upload(bytes: Buffer, target: ImportTarget = 'companies'): Promise<string> {
  const importId = randomUUID()
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    await must('imports.upload', { importId, target, size: bytes.length, offset, base64: bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES).toString('base64') })
  }
  return importId
}
const analyse = (importId: string, extra: { mapping?: ImportMapping; matchBy?: string } = {}) => must<ImportAnalysis>('imports.analyse', { importId, ...extra })

async function runToEnd(importId: string, analysis: ImportAnalysis): Promise<ImportProgress> {
  let progress = await must<ImportProgress>('imports.run', { importId, mapping: analysis.mapping, matchBy: analysis.matchBy })
  while (progress.state === 'running') {
    await new Promise((r) => setTimeout(r, 20))
    progress = await must<ImportProgress>('imports.progress', { importId })
  }
  return progress
}

const win1252 = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1') // the umlauts and ß are the same bytes in both
const COMPANIES_CSV = [
  'Kundennr.;Firmenname;Straße;PLZ;Ort;Bundesland;Branche;Status',
  'K-1001;Müller Maschinenbau GmbH;Hauptstraße 1;50667;Köln;Nordrhein-Westfalen;Maschinenbau;Kunde',
  'K-1002;Bäckerei Weiß;Domplatz 3;1067;Dresden;SN;Lebensmittel;Interessent',
  'K-1003;Schöne Grüße AG;Am Ring 9;3810;Braunschweig;Niedersachsen;Handel;Kunde',
  'K-1004;Öztürk & Söhne KG;Lange Str. 5;38100;Braunschweig;NRW;Handel;',
].join('\n')

describe('company import', () => {
  it('reads a Windows-1252 CSV with semicolons, suggests the mapping, names the bad row and writes nothing in the dry run', async () => {
    const before = await counts(t.database.db, 'companies')
    const importId = await upload(win1252(COMPANIES_CSV))
    const analysis = await analyse(importId)
    expect(analysis).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', rows: 4, matchBy: 'customerNumber', missing: [] })
    expect(analysis.columns[1]).toBe('Firmenname')
    expect(analysis.mapping).toMatchObject({ customerNumber: 0, name: 1, street: 2, postalCode: 3, city: 4, federalState: 5, industry: 6, status: 7, segment: null })
    // Excel dropped the leading zero of "01067": four digits are read as a postcode with its zero.
    expect(analysis.plan).toMatchObject({ created: 4, updated: 0, skipped: 0 })
    expect(await counts(t.database.db, 'companies')).toEqual(before)
  })

  it('reports each bad row with its line and field, and imports the rest only when run', async () => {
    const bad = COMPANIES_CSV.replace('50667;Köln', '5O667;Köln').replace(';SN;', ';Sachsenland;')
    const importId = await upload(win1252(bad))
    const analysis = await analyse(importId)
    expect(analysis.plan).toMatchObject({ created: 2, skipped: 2, problemCount: 2 })
    expect(analysis.plan.problems).toEqual([
      { line: 2, field: 'postalCode', key: 'errors.postalCode', value: '5O667' },
      { line: 3, field: 'federalState', key: 'errors.importUnknownValue', value: 'Sachsenland' },
    ])
  })

  it('imports the fixed file, then the same file again updates instead of duplicating', async () => {
    const before = await counts(t.database.db, 'companies')
    const importId = await upload(win1252(COMPANIES_CSV))
    const done = await runToEnd(importId, await analyse(importId))
    expect(done).toMatchObject({ state: 'done', total: 4, processed: 4, created: 4, updated: 0, skipped: 0 })
    expect((await counts(t.database.db, 'companies')).rows).toBe(before.rows + 4)
    const list = await must<{ rows: Array<{ name: string; city: string; federalState: string; status: string; customerNumber: string }> }>('companies.list', { search: 'Müller Maschinenbau' })
    expect(list.rows).toEqual([expect.objectContaining({ name: 'Müller Maschinenbau GmbH', city: 'Köln', federalState: 'NW', status: 'customer', customerNumber: 'K-1001' })])
    const dresden = await must<{ rows: Array<{ postalCode?: string; id: string }> }>('companies.list', { search: 'Bäckerei Weiß' })
    const weiss = await must<{ postalCode: string; status: string }>('companies.get', { id: dresden.rows[0]!.id })
    expect(weiss).toMatchObject({ postalCode: '01067', status: 'prospect' })

    const again = await upload(win1252(COMPANIES_CSV.replace('Domplatz 3', 'Domplatz 4')))
    const second = await analyse(again)
    expect(second.plan).toMatchObject({ created: 0, updated: 4, skipped: 0 })
    expect(await runToEnd(again, second)).toMatchObject({ state: 'done', created: 0, updated: 4 })
    expect((await counts(t.database.db, 'companies')).rows).toBe(before.rows + 4)
    expect(await must('companies.get', { id: dresden.rows[0]!.id })).toMatchObject({ street: 'Domplatz 4' })
  })

  it('skips a row that repeats a key of the file and a number another company holds', async () => {
    const csv = ['Name;Kundennummer', 'Neue Firma A;K-1001', 'Neue Firma B;K-9000', 'Neue Firma C;K-9000'].join('\n')
    const importId = await upload(Buffer.from(csv))
    const plan = (await analyse(importId, { mapping: { name: 0, customerNumber: 1 }, matchBy: 'name' })).plan
    expect(plan.problems).toEqual([
      { line: 2, field: 'customerNumber', key: 'errors.customerNumberTaken', value: 'K-1001' },
      { line: 4, field: 'customerNumber', key: 'errors.customerNumberTaken', value: 'K-9000' },
    ])
    expect(plan).toMatchObject({ created: 1, skipped: 2 })
  })

  it('reads an .xlsx with typed cells: numbers, dates, formulas as their result, never the formula', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Deckblatt')
    const sheet = workbook.addWorksheet('Kunden')
    sheet.addRow(['Customer number', 'Company', 'Zip', 'City', 'Notes'])
    sheet.addRow(['X-1', 'Excel Import GmbH', 4109, 'Leipzig', { formula: 'HYPERLINK("http://evil.example","Klick")', result: 'Klick' }])
    sheet.addRow(['X-2', 'Rich GmbH', 10115, 'Berlin', new Date(Date.UTC(2026, 10, 29))])
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const importId = await upload(bytes)
    const analysis = await analyse(importId)
    expect(analysis).toMatchObject({ format: 'xlsx', rows: 2, mapping: { customerNumber: 0, name: 1, postalCode: 2, city: 3, notes: 4 } })
    expect(await runToEnd(importId, analysis)).toMatchObject({ state: 'done', created: 2 })
    const found = await must<{ rows: Array<{ id: string }> }>('companies.list', { search: 'Excel Import' })
    expect(await must('companies.get', { id: found.rows[0]!.id })).toMatchObject({ postalCode: '04109', notes: 'Klick' })
    const rich = await must<{ rows: Array<{ id: string }> }>('companies.list', { search: 'Rich GmbH' })
    expect(await must('companies.get', { id: rich.rows[0]!.id })).toMatchObject({ notes: '29.11.2026' })
  })

  it('runs a large file in batches and stops between batches when cancelled, keeping whole batches', async () => {
    const rows = Array.from({ length: IMPORT_BATCH * 4 }, (_, i) => `Batch ${i} GmbH;B-${i}`)
    const importId = await upload(Buffer.from(['Firma;Kundennummer', ...rows].join('\n')))
    const analysis = await analyse(importId)
    const before = (await counts(t.database.db, 'companies')).rows
    const started = await must<ImportProgress>('imports.run', { importId, mapping: analysis.mapping, matchBy: analysis.matchBy })
    expect(started).toMatchObject({ state: 'running', total: IMPORT_BATCH * 4, processed: IMPORT_BATCH })
    await must('imports.cancel', { importId })
    let progress = await must<ImportProgress>('imports.progress', { importId })
    while (progress.state === 'running') {
      await new Promise((r) => setTimeout(r, 20))
      progress = await must<ImportProgress>('imports.progress', { importId })
    }
    expect(progress.state).toBe('cancelled')
    expect(progress.processed % IMPORT_BATCH).toBe(0)
    expect(progress.processed).toBeLessThan(IMPORT_BATCH * 4)
    expect((await counts(t.database.db, 'companies')).rows).toBe(before + progress.created)
    // A second "run" of the same upload answers its progress; it does not start again.
    expect(await must('imports.run', { importId, mapping: analysis.mapping, matchBy: analysis.matchBy })).toMatchObject({ state: 'cancelled', processed: progress.processed })
  })

  it('refuses bad files as a whole with a clear message and writes nothing', async () => {
    const before = await counts(t.database.db, 'companies')
    const refused = async (bytes: Buffer) => {
      const importId = await upload(bytes)
      const answer = await dispatch(t.app, 'imports.analyse', { importId })
      return answer.ok ? 'accepted' : answer.error.message
    }
    expect(await refused(Buffer.from('%PDF-1.7\n\u0000\u0001binary'))).toBe('errors.importNotTable')
    expect(await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('errors.importOldExcel')
    expect(await refused(Buffer.from('PK\u0003\u0004 not really a zip'))).toBe('errors.importNotTable')
    expect(await refused(Buffer.from('\n\n;;;\n'))).toBe('errors.importEmpty')
    expect(await refused(Buffer.from(`Firma;Ort\nA;B\n${'x;'.repeat(10_000)}x\n`))).toBe('errors.importTooManyColumns')
    const empty = await dispatch(t.app, 'imports.upload', { importId: randomUUID(), target: 'companies', size: 0, offset: 0, base64: '' })
    expect(empty.ok ? '' : empty.error.fields).toMatchObject({ size: 'errors.importEmpty' })
    const huge = await dispatch(t.app, 'imports.upload', { importId: randomUUID(), target: 'companies', size: 200 * 1024 * 1024, offset: 0, base64: 'QQ==' })
    expect(huge.ok ? '' : huge.error.fields).toMatchObject({ size: 'errors.importTooLarge' })
    const gone = await dispatch(t.app, 'imports.analyse', { importId: randomUUID() })
    expect(gone.ok ? '' : gone.error.message).toBe('errors.importGone')
    expect(await counts(t.database.db, 'companies')).toEqual(before)
  })
})

describe('contact import', () => {
  it('finds each contact’s company by customer number or name, checks e-mails, and updates on re-import', async () => {
    const csv = [
      'Firma,Kundennummer,Anrede,Vorname,Nachname,E-Mail,Telefon,Position',
      ',K-1001,Herr,Jörg,Weiß,joerg.weiss@mueller-maschinenbau.de,0221 123456,Einkauf',
      'schöne grüße ag,,Frau,Anna,Öztürk,anna@schoene-gruesse.de,,Geschäftsführerin',
      'Unbekannt GmbH,,Frau,Eva,Nirgends,eva@example.de,,',
      'Müller Maschinenbau GmbH,,Frau,Lea,Kaputt,lea@@kaputt,,',
    ].join('\n')
    const before = await counts(t.database.db, 'contacts')
    const importId = await upload(Buffer.from(csv), 'contacts')
    const analysis = await analyse(importId)
    expect(analysis).toMatchObject({ delimiter: ',', matchBy: 'email', missing: [] })
    expect(analysis.mapping).toMatchObject({ companyName: 0, companyCustomerNumber: 1, salutation: 2, firstName: 3, lastName: 4, email: 5, phone: 6, jobFunction: 7 })
    expect(analysis.plan).toMatchObject({ created: 2, skipped: 2 })
    expect(analysis.plan.problems).toEqual([
      { line: 4, field: 'companyName', key: 'errors.importCompanyUnknown', value: 'Unbekannt GmbH' },
      { line: 5, field: 'email', key: 'errors.email', value: 'lea@@kaputt' },
    ])
    expect(await runToEnd(importId, analysis)).toMatchObject({ state: 'done', created: 2 })
    expect((await counts(t.database.db, 'contacts')).rows).toBe(before.rows + 2)
    const joerg = await must<{ rows: Array<{ salutation: string; companyName: string; phone: string }> }>('contacts.list', { search: 'Weiß' })
    expect(joerg.rows[0]).toMatchObject({ salutation: 'mr', companyName: 'Müller Maschinenbau GmbH', phone: '0221 123456' })

    const again = await upload(Buffer.from(csv.replace('0221 123456', '0221 654321')), 'contacts')
    const second = await analyse(again)
    expect(second.plan).toMatchObject({ created: 0, updated: 2 })
    await runToEnd(again, second)
    expect((await counts(t.database.db, 'contacts')).rows).toBe(before.rows + 2)
  })

  it('says which required column is missing and does not run without it', async () => {
    const importId = await upload(Buffer.from('Vorname;Nachname\nAnna;Berg\n'), 'contacts')
    const analysis = await analyse(importId)
    expect(analysis.missing).toEqual(['companyName'])
    const run = await dispatch(t.app, 'imports.run', { importId, mapping: analysis.mapping, matchBy: 'email' })
    expect(run.ok ? '' : run.error.message).toBe('errors.importMappingIncomplete')
  })
})

describe('what changed since the review', () => {
  it('counts lines as Excel does, blank lines included', async () => {
    const importId = await upload(Buffer.from('Firma;PLZ\n\nLeer GmbH;1\n;\nZwei GmbH;2\n'))
    const problems = (await analyse(importId)).plan.problems
    expect(problems.map((p) => p.line)).toEqual([3, 5])
  })

  it('does not move a person to another company because the file names their e-mail there', async () => {
    const other = await must<{ id: string }>('companies.create', { name: 'Andere Firma AG', customerNumber: 'AF-1', status: 'customer' })
    await must('contacts.create', { companyId: other.id, salutation: 'mr', lastName: 'Fremd', language: 'de', email: 'fremd@andere.de' })
    const importId = await upload(Buffer.from('Kundennummer;Nachname;E-Mail\nK-1001;Fremd;fremd@andere.de\n'), 'contacts')
    const plan = (await analyse(importId)).plan
    expect(plan).toMatchObject({ created: 0, updated: 0, skipped: 1 })
    expect(plan.problems).toEqual([{ line: 2, field: 'email', key: 'errors.importContactElsewhere', value: 'fremd@andere.de' }])
  })

  it('applies a row to the record as it is when its batch runs: a change made after the dry run stays', async () => {
    const company = await must<{ id: string; [k: string]: unknown }>('companies.create', { name: 'Spät Geändert GmbH', customerNumber: 'SG-1', status: 'prospect', city: 'Kassel' })
    const importId = await upload(Buffer.from('Kundennummer;Firma;Ort\nSG-1;Spät Geändert GmbH;Göttingen\n'))
    const analysis = await analyse(importId)
    // A colleague's change arrives between the check and the run (here: typed on this laptop).
    await must('companies.update', { ...(await must<Record<string, unknown>>('companies.get', { id: company.id })), industry: 'Handel', id: company.id })
    expect(await runToEnd(importId, analysis)).toMatchObject({ state: 'done', updated: 1 })
    expect(await must('companies.get', { id: company.id })).toMatchObject({ city: 'Göttingen', industry: 'Handel' })
  })
})

describe('saved mappings', () => {
  it('applies a saved mapping to a file with its columns, and only then', async () => {
    const csv = 'Debitor;Bezeichnung;Wohnort\nD-1;Gespeichert GmbH;Hamburg\n'
    const first = await analyse(await upload(Buffer.from(csv)))
    expect(first.mapping).toMatchObject({ customerNumber: 0, name: null })
    await must('imports.saveMapping', { target: 'companies', name: 'Altsystem', columns: { customerNumber: 'Debitor', name: 'Bezeichnung', city: 'Wohnort' }, matchBy: 'customerNumber' })
    const second = await analyse(await upload(Buffer.from(csv)))
    expect(second).toMatchObject({ appliedMapping: 'Altsystem', mapping: { customerNumber: 0, name: 1, city: 2 }, plan: { created: 1 } })
    const other = await analyse(await upload(Buffer.from('Firma\nX GmbH\n')))
    expect(other.appliedMapping).toBeNull()
    expect(await must('imports.deleteMapping', { target: 'companies', name: 'Altsystem' })).toEqual([])
  })
})
