// The price list, referrals and feedback exported as they are shown, and the reports (order rate, renewal
// rate, NPS) as one file of several tables: worksheets in the XLSX, titled blocks in the CSV; rates as
// shares with a percent format in the XLSX and as percentage points ("66,7") in the CSV.
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { csvCell } from '../../electron/main/platform/exports/export-cells'
import type { Channel } from '../../shared/ipc/channels'
import type { ExportFile } from '../../shared/platform/export-file'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
let companyId = ''
beforeAll(async () => {
  t = await openTestDb()
  const ok = async (channel: Channel, input: Record<string, unknown>) => {
    const answer = await dispatch(t.app, channel, input)
    if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
    return answer.data as { id: string }
  }
  companyId = (await ok('companies.create', validCompany({ name: 'Müller & Söhne Gärtnerei', segment: 'mid_market' }))).id
  for (const product of [
    { sku: 'P-1', name: 'Prüfstand Öl', listPriceCents: 123_456, active: true },
    { sku: 'P-2', name: '=HYPERLINK("http://x")', listPriceCents: 99, active: true },
    { sku: 'P-3', name: 'Altgerät', listPriceCents: 5_000, active: false },
  ]) await ok('products.create', { description: '', unit: 'Stück', vatRate: 19, warrantyMonths: 24, ...product })
  for (const score of [10, 9, 3]) await ok('feedback.create', { companyId, kind: 'nps', givenOn: '2026-05-04', score, comment: score === 3 ? '-zu teuer' : '' })
  await ok('feedback.create', { companyId, kind: 'testimonial', givenOn: '2026-06-01', comment: 'Läuft wie geschmiert', quotePermission: true })
  await ok('referrals.create', { companyId, prospectName: 'Bäckerei Öztürk', prospectCity: 'München' })
})
afterAll(async () => t.cleanup())

async function exported(channel: Channel, input: Record<string, unknown>): Promise<ExportFile & { bytes: Buffer }> {
  const answer = await dispatch(t.app, channel, input)
  if (!answer.ok) throw new Error(JSON.stringify(answer.error))
  const file = answer.data as ExportFile
  return { ...file, bytes: Buffer.from(file.base64, 'base64') }
}

const csvLines = (bytes: Buffer) => {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';' }).data
}
const csvRows = (bytes: Buffer) => csvLines(bytes).filter((r) => r.some((c) => c !== ''))

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

describe('price list export', () => {
  it('writes the list as the page filters it: German headers, amounts as decimals, a formula defused', async () => {
    const file = await exported('products.export', { search: '', activeOnly: true, format: 'csv', language: 'de' })
    expect(file).toMatchObject({ fileName: 'Produkte-und-Preise-2026-11-20.csv', rows: 2 })
    const rows = csvRows(file.bytes)
    expect(rows[0]).toEqual(['Artikelnummer', 'Bezeichnung', 'Beschreibung', 'Einheit', 'Listenpreis (€, netto)', 'USt.-Satz (%)', 'Garantie (Monate)', 'Aktiv'])
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[5], r[7]])).toEqual([
      ['P-2', "'=HYPERLINK(\"http://x\")", '0,99', '19', 'Ja'],
      ['P-1', 'Prüfstand Öl', '1234,56', '19', 'Ja'],
    ])
  })

  it('follows the search and writes English headers and amounts as numbers in the XLSX', async () => {
    const file = await exported('products.export', { search: 'Prüf', format: 'xlsx', language: 'en' })
    const sheet = (await workbookOf(file.bytes)).worksheets[0]!
    expect(sheet.getRow(1).getCell(1).value).toBe('SKU')
    expect(sheet.rowCount).toBe(2)
    expect(sheet.getRow(2).getCell(5).value).toBe(1234.56)
  })
})

describe('persona export', () => {
  it('writes every persona with its matrix, the yes/no label in the reader\'s language and its contact count', async () => {
    const created = await dispatch(t.app, 'personas.create', { name: 'Einkäuferin Mittelstand', motto: '=Sicher ist sicher', who: 'Leitet den Einkauf', formerCustomer: 'yes' })
    expect(created.ok).toBe(true)
    const rows = csvRows((await exported('personas.export', { format: 'csv', language: 'de' })).bytes)
    expect(rows[0]![0]).toBe('Name der Persona')
    expect(rows[0]!.at(-1)).toBe('Ansprechpartner')
    const row = rows.find((r) => r[0] === 'Einkäuferin Mittelstand')!
    expect(row[1]).toBe("'=Sicher ist sicher")
    expect(row).toContain('Ja')
    const workbook = await workbookOf((await exported('personas.export', { format: 'xlsx', language: 'en' })).bytes)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(2).values).toContain('Yes')
    expect(sheet.getRow(2).getCell(12).value).toBe(0)
  })
})

describe('referral and feedback export', () => {
  it('writes the referrals with their status label and the day as a date', async () => {
    const rows = csvRows((await exported('referrals.export', { companyId, format: 'csv', language: 'de' })).bytes)
    expect(rows[0]!.slice(0, 5)).toEqual(['Datum', 'Empfehlungsgeber', 'Empfohlen durch', 'Empfohlener Interessent', 'Stand'])
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([['20.11.2026', 'Müller & Söhne Gärtnerei', 'Bäckerei Öztürk']])
  })

  it('writes the feedback filtered by kind, a comment starting with a minus defused', async () => {
    const file = await exported('feedback.export', { companyId, kind: 'nps', format: 'csv', language: 'de' })
    expect(file.rows).toBe(3)
    const rows = csvRows(file.bytes)
    expect(rows.slice(1).map((r) => [r[0], r[3], r[5], r[6]]).sort()).toEqual([
      ['04.05.2026', 'NPS', '10', ''], ['04.05.2026', 'NPS', '3', "'-zu teuer"], ['04.05.2026', 'NPS', '9', ''],
    ])
  })
})

describe('report export', () => {
  const range = { from: '2026-01-01', to: '2026-12-31', period: 'quarter' }

  it('writes the NPS report as one worksheet per table, the NPS as a number, the testimonial as text', async () => {
    const file = await exported('nps.export', { ...range, format: 'xlsx', language: 'de' })
    expect(file.fileName).toBe('NPS-und-Kundenstimmen-2026-11-20.xlsx')
    const workbook = await workbookOf(file.bytes)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Net Promoter Score', 'Nach Zeitraum', 'Nach Segment', 'Kundenstimmen (zitierbar)'])
    const total = workbook.getWorksheet('Net Promoter Score')!
    expect(total.getRow(1).values).toEqual([undefined, 'Net Promoter Score', 'Antworten', 'Promotoren (9–10)', 'Passive (7–8)', 'Kritiker (0–6)', 'NPS', 'Zufriedenheit (Durchschnitt)'])
    expect(total.getRow(2).getCell(2).value).toBe(3)
    expect(total.getRow(2).getCell(6).value).toBe(33.3)
    expect(workbook.getWorksheet('Nach Zeitraum')!.getRow(2).getCell(1).value).toBe('Q2 2026')
    expect(workbook.getWorksheet('Nach Segment')!.getRow(2).getCell(1).value).toBe('Mittelstand')
    expect(workbook.getWorksheet('Kundenstimmen (zitierbar)')!.getRow(2).getCell(4).value).toBe('Läuft wie geschmiert')
  })

  it('writes a report CSV as titled blocks separated by an empty line, decimals German', async () => {
    const lines = csvLines((await exported('nps.export', { ...range, format: 'csv', language: 'en' })).bytes)
    const titles = lines.filter((l, i) => l.length === 1 && l[0] !== '' && (i === 0 || lines[i - 1]!.join('') === ''))
    expect(titles.map((l) => l[0])).toEqual(['Net Promoter Score', 'By period', 'By segment', 'Testimonials (quotable)'])
    expect(lines[1]![0]).toBe('Net Promoter Score')
    expect(lines[2]!.slice(1, 6)).toEqual(['3', '2', '0', '1', '33,3'])
  })

  it('writes the order rate with the rates as percentages: a % format in the XLSX, percentage points in the CSV', async () => {
    const query = { from: '2026-01-01', to: '2026-12-31', period: 'month', ownerId: '', segment: '' }
    const xlsx = await workbookOf((await exported('orderRate.export', { ...query, format: 'xlsx', language: 'en' })).bytes)
    expect(xlsx.worksheets.map((s) => s.name)).toEqual(['Order rate overall', 'By period', 'By owner', 'By segment', 'Reasons for lost orders', 'Follow-up discipline'])
    const overall = xlsx.worksheets[0]!
    expect(overall.getRow(1).values).toEqual([undefined, 'Order rate', 'Decided', 'Won', 'Lost', 'Rate (count)', 'Rate (value)', 'Order value'])
    expect(overall.getColumn(5).numFmt).toBe('0.0%')
    expect(overall.getRow(2).getCell(1).value).toBe('Order rate overall')
    const csv = csvRows((await exported('orderRate.export', { ...query, format: 'csv', language: 'de' })).bytes)
    expect(csv[0]).toEqual(['Auftragsquote gesamt'])
    expect(csv[1]).toEqual(['Auftragsquote', 'Entschieden', 'Gewonnen', 'Verloren', 'Quote (Anzahl) in %', 'Quote (Wert) in %', 'Auftragswert'])
    expect(csv[2]).toEqual(['Auftragsquote gesamt', '0', '0', '0', '', '', '0,00'])
    // A share in the CSV: percentage points with one decimal, as German Excel reads a number.
    expect([csvCell('percent', 2 / 3), csvCell('percent', 1), csvCell('decimal', -12.26), csvCell('percent', null)]).toEqual(['66,7', '100,0', '-12,3', ''])
  })

  it('writes the renewal report with its query and refuses a bad format at the field', async () => {
    const file = await exported('renewalRate.export', { ...range, ownerId: '', format: 'csv', language: 'de' })
    expect(file.fileName).toBe('Verlaengerungsquote-2026-11-20.csv')
    expect(csvRows(file.bytes)[0]).toEqual(['Verlängerungsquote'])
    expect(await dispatch(t.app, 'renewalRate.export', { ...range, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { format: 'errors.invalidChoice' } } })
  })
})
