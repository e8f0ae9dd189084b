// The company, offer and contract lists (and below: touchpoints, service cases) exported through their channels: the list's filters and sort, every
// matching row, umlauts, a company named like a formula defused, amounts and days as numbers and dates in
// the XLSX; the CSV read back by papaparse, the XLSX by exceljs, and the CSV opened by LibreOffice Calc.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { ExportFile } from '../../shared/platform/export-file'
import { hasCalc, requireCalcInCi } from '../helpers/office'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

requireCalcInCi()

let t: TestDb
let ids: string[] = []
beforeAll(async () => {
  t = await openTestDb()
  const companies = [
    validCompany({ name: 'Müller & Söhne Gärtnerei', customerNumber: 'K-1', federalState: 'NI', status: 'customer', city: 'Göttingen' }),
    validCompany({ name: '=HYPERLINK("http://x")', customerNumber: 'K-2', federalState: 'NI', status: 'customer' }),
    validCompany({ name: 'Brunsviga Maschinenbau GmbH', customerNumber: 'K-3', federalState: 'NI', status: 'prospect' }),
    validCompany({ name: 'Bäckerei Öztürk', customerNumber: 'K-4', federalState: 'BY', status: 'customer', city: 'München' }),
  ]
  ids = []
  for (const c of companies) {
    const created = await dispatch(t.app, 'companies.create', c)
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    ids.push((created.data as { id: string }).id)
  }
  const offer = (companyId: string, unitPriceCents: number, offerDate: string) => dispatch(t.app, 'offers.create', {
    companyId, offerDate, validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ name: 'Prüfstand', quantity: 1, unit: 'Stück', unitPriceCents, discountPercent: 0, vatRate: 0, optional: false }],
  })
  expect((await offer(ids[0]!, 123_456, '2026-11-19')).ok).toBe(true)
  expect((await offer(ids[3]!, 99, '2026-11-18')).ok).toBe(true)
})
afterAll(async () => t.cleanup())

async function exported(channel: 'companies.export' | 'offers.export' | 'contracts.export' | 'touchpoints.export' | 'cases.export', input: Record<string, unknown>): Promise<ExportFile & { bytes: Buffer }> {
  const answer = await dispatch(t.app, channel, input)
  if (!answer.ok) throw new Error(JSON.stringify(answer.error))
  const file = answer.data as ExportFile
  return { ...file, bytes: Buffer.from(file.base64, 'base64') }
}

const csvRows = (bytes: Buffer) => {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook.worksheets[0]!
}

describe('company list export', () => {
  const query = { status: 'customer', federalState: 'NI', sort: 'name', dir: 'asc' }

  it('writes the filtered list as CSV: headers in German, umlauts, a formula defused, a dated file name', async () => {
    const file = await exported('companies.export', { ...query, format: 'csv' })
    expect(file).toMatchObject({ fileName: 'Firmen-2026-11-20.csv', mimeType: 'text/csv;charset=utf-8', rows: 2 })
    const rows = csvRows(file.bytes)
    expect(rows[0]).toEqual(['Firmenname', 'Kundennummer', 'Ort', 'Bundesland', 'Status', 'Station', 'Betreuer', 'Gesundheit', 'Ampel'])
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ["'=HYPERLINK(\"http://x\")", 'K-2', 'Braunschweig', 'Niedersachsen', 'Kunde'],
      ['Müller & Söhne Gärtnerei', 'K-1', 'Göttingen', 'Niedersachsen', 'Kunde'],
    ])
  })

  it('writes the same rows as XLSX, the formula-like name as a plain string, headers in English on request', async () => {
    const file = await exported('companies.export', { ...query, search: '', format: 'xlsx', language: 'en' })
    expect(file).toMatchObject({ fileName: 'Companies-2026-11-20.xlsx', rows: 2 })
    const sheet = await sheetOf(file.bytes)
    expect(sheet.getRow(1).getCell(1).value).toBe('Company name')
    const hyperlink = sheet.getRow(2).getCell(1)
    expect(hyperlink.type).toBe(ExcelJS.ValueType.String)
    expect(hyperlink.value).toBe('=HYPERLINK("http://x")')
    expect(hyperlink.formula).toBeUndefined()
    expect(sheet.getRow(3).getCell(1).value).toBe('Müller & Söhne Gärtnerei')
    // The health score as a number (every new company is scored in the transaction that creates it), its light in words.
    expect([sheet.getRow(1).getCell(8).value, sheet.getRow(1).getCell(9).value]).toEqual(['Health', 'Traffic light'])
    expect(sheet.getRow(2).getCell(8).type).toBe(ExcelJS.ValueType.Number)
    expect(['Red', 'Yellow', 'Green']).toContain(sheet.getRow(2).getCell(9).value)
    expect(sheet.rowCount).toBe(3)
  })

  it('exports all matching rows, not one page, and follows the search', async () => {
    expect((await exported('companies.export', { format: 'csv' })).rows).toBe(4)
    const searched = await exported('companies.export', { search: 'Öztürk', format: 'csv' })
    expect(csvRows(searched.bytes).slice(1).map((r) => r[0])).toEqual(['Bäckerei Öztürk'])
  })

  it('refuses an unknown format at the field', async () => {
    expect(await dispatch(t.app, 'companies.export', { format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { format: 'errors.invalidChoice' } } })
  })
})

describe('offer list export', () => {
  it('writes amounts as German decimals and days as TT.MM.JJJJ in the CSV', async () => {
    const file = await exported('offers.export', { format: 'csv' })
    const rows = csvRows(file.bytes)
    expect(file.fileName).toBe('Angebote-2026-11-20.csv')
    expect(rows[0]).toEqual(['Nummer', 'Revision', 'Firma', 'Status', 'Angebotsdatum', 'Gültig bis', 'Gesamtbetrag (brutto)', 'Zuständig'])
    expect(rows.slice(1).map((r) => [r[2], r[3], r[4], r[6]])).toEqual([
      ['Müller & Söhne Gärtnerei', 'Entwurf', '19.11.2026', '1234,56'],
      ['Bäckerei Öztürk', 'Entwurf', '18.11.2026', '0,99'],
    ])
  })

  it('writes amounts as numbers with a € format and days as dates in the XLSX', async () => {
    const sheet = await sheetOf((await exported('offers.export', { search: 'Müller', format: 'xlsx' })).bytes)
    expect(sheet.rowCount).toBe(2)
    const row = sheet.getRow(2)
    expect(row.getCell(2).value).toBe(1)
    expect(row.getCell(5).value).toEqual(new Date(Date.UTC(2026, 10, 19)))
    expect(row.getCell(5).numFmt).toBe('dd.mm.yyyy')
    expect(row.getCell(7).type).toBe(ExcelJS.ValueType.Number)
    expect(row.getCell(7).value).toBe(1234.56)
    expect(row.getCell(7).numFmt).toContain('€')
  })
})

describe('contract list export', () => {
  beforeAll(async () => {
    const terms = { type: 'maintenance', title: 'Wartung Prüfstände', startDate: '2027-01-01', minimumTermMonths: 12, noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_234_567 }
    for (const input of [{ ...terms, companyId: ids[0] }, { ...terms, companyId: ids[3], type: 'rental', title: 'Miete Kühltheke', annualValueCents: 99 }]) {
      const created = await dispatch(t.app, 'contracts.create', input)
      if (!created.ok) throw new Error(JSON.stringify(created.error))
    }
  })

  it('writes the filtered contracts as CSV with German headers, labels, days and amounts', async () => {
    expect((await exported('contracts.export', { status: '', format: 'csv' })).rows).toBe(2)
    const file = await exported('contracts.export', { status: 'active', companyId: ids[3], format: 'csv' })
    expect(file).toMatchObject({ fileName: 'Alle-Vertraege-2026-11-20.csv', rows: 1 })
    const rows = csvRows(file.bytes)
    expect(rows[0]).toEqual(['Nummer', 'Firma', 'Bezeichnung', 'Vertragsart', 'Status', 'Vertragsbeginn', 'Laufzeitende', 'Kündigung spätestens bis', 'Jahreswert (€, netto)', 'Verantwortlich'])
    expect(rows.slice(1).map((r) => r.slice(1, 9))).toEqual([['Bäckerei Öztürk', 'Miete Kühltheke', 'Mietvertrag', 'Aktiv', '01.01.2027', '31.12.2027', '30.09.2027', '0,99']])
  })

  it('writes the same list as XLSX in English: labels, dates as dates, the annual value as a number', async () => {
    const file = await exported('contracts.export', { status: 'running', companyId: ids[0], format: 'xlsx', language: 'en' })
    const sheet = await sheetOf(file.bytes)
    expect(sheet.rowCount).toBe(2)
    expect(sheet.getRow(1).getCell(4).value).toBe('Contract type')
    const row = sheet.getRow(2)
    expect(row.getCell(2).value).toBe('Müller & Söhne Gärtnerei')
    expect(row.getCell(4).value).toBe('Maintenance contract')
    expect(row.getCell(5).value).toBe('Active')
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2027, 0, 1)))
    expect(row.getCell(9).value).toBe(12345.67)
  })
})

// Runs after the contract list's tests: their contracts' "signed" events are touchpoints rendered in the reader's language.
describe('touchpoint list export', () => {
  beforeAll(async () => {
    const touchpoint = { companyId: ids[0], contactId: '', channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer' }
    for (const input of [
      // 23:30 UTC on the 18th is the 19th in Berlin.
      { ...touchpoint, occurredAt: '2026-11-18T23:30:00.000Z', summary: 'Rückruf wegen Kühltheke' },
      { ...touchpoint, occurredAt: '2026-11-10T09:00:00.000Z', channel: 'email', direction: 'outbound', summary: 'Unterlagen geschickt' },
    ]) {
      const created = await dispatch(t.app, 'touchpoints.create', input)
      if (!created.ok) throw new Error(JSON.stringify(created.error))
    }
  })

  it('writes the filtered touchpoints as CSV: the Berlin day, German labels, umlauts', async () => {
    const file = await exported('touchpoints.export', { channel: 'phone', companyId: ids[0], format: 'csv' })
    expect(file).toMatchObject({ fileName: 'Kontaktpunkte-2026-11-20.csv', rows: 1 })
    const rows = csvRows(file.bytes)
    expect(rows).toEqual([
      ['Zeitpunkt', 'Firma', 'Ansprechpartner', 'Kanal', 'Richtung', 'Station', 'Zusammenfassung'],
      ['19.11.2026', 'Müller & Söhne Gärtnerei', '', 'Telefon', 'Eingehend', 'Angebot', 'Rückruf wegen Kühltheke'],
    ])
    const searched = await exported('touchpoints.export', { search: 'Unterlagen', format: 'csv' })
    expect(csvRows(searched.bytes).slice(1).map((r) => [r[3], r[4]])).toEqual([['E-Mail', 'Ausgehend']])
  })

  it('renders an app event\'s line in the exporter\'s language, in the XLSX as well', async () => {
    const query = { station: 'contract', companyId: ids[3] }
    const de = csvRows((await exported('touchpoints.export', { ...query, format: 'csv' })).bytes)
    expect(de.slice(1).map((r) => [r[5], r[6]])).toEqual([['Vertrag', expect.stringMatching(/^Vertrag .+ abgeschlossen: Miete Kühltheke, Beginn 01\.01\.2027$/)]])
    const sheet = await sheetOf((await exported('touchpoints.export', { ...query, format: 'xlsx', language: 'en' })).bytes)
    expect(sheet.rowCount).toBe(2)
    expect(sheet.getRow(1).getCell(7).value).toBe('Summary')
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date)
    expect(sheet.getRow(2).getCell(2).value).toBe('Bäckerei Öztürk')
    expect(sheet.getRow(2).getCell(6).value).toBe('Contract')
    expect(sheet.getRow(2).getCell(7).value).toMatch(/^Contract .+ signed: Miete Kühltheke, starting /)
  })
})

describe('service case list export', () => {
  beforeAll(async () => {
    const base = { contactId: '', channel: 'email', description: '' }
    for (const input of [
      { ...base, type: 'complaint', companyId: ids[0], receivedAt: '2026-11-18T23:30:00.000Z', subject: 'Prüfstand misst falsch', priority: 'high' },
      { ...base, type: 'service_request', companyId: ids[3], receivedAt: '2026-11-17T10:00:00.000Z', subject: 'Kühltheke wartet auf Ersatzteil', priority: 'normal' },
    ]) {
      const created = await dispatch(t.app, 'cases.create', input)
      if (!created.ok) throw new Error(JSON.stringify(created.error))
    }
  })

  it('writes the filtered cases as CSV with German headers and labels, the Berlin day received', async () => {
    expect((await exported('cases.export', { status: '', format: 'csv' })).rows).toBe(2)
    const file = await exported('cases.export', { type: 'complaint', status: 'open', format: 'csv' })
    expect(file).toMatchObject({ fileName: 'Alle-Faelle-2026-11-20.csv', rows: 1 })
    const rows = csvRows(file.bytes)
    expect(rows[0]).toEqual(['Nummer', 'Art', 'Kunde', 'Betreff', 'Status', 'Priorität', 'Eingegangen am', 'Bearbeiter'])
    expect(rows.slice(1).map((r) => r.slice(1, 7))).toEqual([['Reklamation', 'Müller & Söhne Gärtnerei', 'Prüfstand misst falsch', 'Neu', 'Hoch', '19.11.2026']])
  })

  it('writes the same list as XLSX in English, the day received as a date', async () => {
    const sheet = await sheetOf((await exported('cases.export', { type: 'service_request', format: 'xlsx', language: 'en' })).bytes)
    expect(sheet.rowCount).toBe(2)
    expect(sheet.getRow(1).getCell(6).value).toBe('Priority')
    const row = sheet.getRow(2)
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value])
      .toEqual(['Service request', 'Bäckerei Öztürk', 'Kühltheke wartet auf Ersatzteil', 'New', 'Normal'])
    expect(row.getCell(7).value).toEqual(new Date(Date.UTC(2026, 10, 17)))
  })
})

describe.skipIf(!hasCalc)('the CSV opened by LibreOffice Calc', () => {
  it('shows the umlauts, takes the amounts as numbers and the days as dates, and runs no formula', async () => {
    const csv = path.join(t.dir, 'Angebote.csv')
    writeFileSync(csv, (await exported('offers.export', { format: 'csv' })).bytes)
    const companiesCsv = path.join(t.dir, 'Firmen.csv')
    writeFileSync(companiesCsv, (await exported('companies.export', { format: 'csv' })).bytes)
    // Calc's CSV import as a German user opens the file: semicolon (59), double quotes (34), UTF-8 (76), from line 1, German locale (1031).
    for (const file of [csv, companiesCsv]) {
      execFileSync('soffice', [`-env:UserInstallation=file://${t.dir}/profile`, '--headless', '--infilter=Text - txt - csv (StarCalc):59,34,76,1,,1031', '--convert-to', 'xlsx', '--outdir', t.dir, file], { stdio: 'ignore', timeout: 120_000 })
    }
    const offers = await sheetOf(readFileSync(csv.replace(/\.csv$/, '.xlsx')))
    expect(offers.getRow(1).getCell(6).value).toBe('Gültig bis')
    expect(offers.getRow(2).getCell(3).value).toBe('Müller & Söhne Gärtnerei')
    expect(offers.getRow(2).getCell(7).value).toBe(1234.56)
    expect(offers.getRow(3).getCell(7).value).toBe(0.99)
    expect(offers.getRow(2).getCell(5).value).toEqual(new Date(Date.UTC(2026, 10, 19)))

    const companies = await sheetOf(readFileSync(companiesCsv.replace(/\.csv$/, '.xlsx')))
    const names = companies.getColumn(1).values.filter((v) => typeof v === 'string')
    expect(names).toContain('Bäckerei Öztürk')
    const hyperlink = companies.getColumn(1).values.find((v) => typeof v === 'string' && v.includes('HYPERLINK'))
    expect(hyperlink).toBeDefined()
    for (let r = 1; r <= companies.rowCount; r++) expect(companies.getRow(r).getCell(1).formula).toBeUndefined()
  }, 180_000)
})
