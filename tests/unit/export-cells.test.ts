// List exports: text that a spreadsheet would run as a formula is defused (CSV injection), amounts are
// German decimals Calc reads as numbers, days are TT.MM.JJJJ; the CSV is UTF-8 with BOM and semicolons.
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvCell, escapeCsvText, germanDate, germanDecimal } from '../../electron/main/platform/exports/export-cells'
import { allRows, checkExportSize, toCsv } from '../../electron/main/platform/exports/table-export'
import { MAX_EXPORT_ROWS } from '../../shared/platform/export-file'

describe('CSV injection', () => {
  it.each(['=HYPERLINK("http://x")', '+49 531 123', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])('defuses %j with an apostrophe', (text) => {
    expect(escapeCsvText(text)).toBe(`'${text}`)
  })

  it('leaves other text alone, also a formula character later in the text', () => {
    for (const text of ['Müller & Söhne GmbH', 'A=B', "'quoted", '', ' =1']) expect(escapeCsvText(text)).toBe(text)
  })

  it('never lets a text cell start with a formula character', () => {
    fc.assert(fc.property(fc.string(), (text) => !/^[=+\-@\t\r]/.test(csvCell('text', text))))
  })

  it('escapes only text: amounts and days are our own formatting', () => {
    expect(csvCell('cents', -1050)).toBe('-10,50')
    expect(csvCell('text', '-10,50')).toBe("'-10,50")
  })
})

describe('German numbers and days', () => {
  it.each([[123456, '1234,56'], [0, '0,00'], [5, '0,05'], [-5, '-0,05'], [100, '1,00'], [123456789012, '1234567890,12']])('%i cents → %s', (cents, text) => {
    expect(germanDecimal(cents)).toBe(text)
  })

  it('reads back as the same cents', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => Math.round(Number(germanDecimal(cents).replace(',', '.')) * 100) === cents))
  })

  it('refuses what is not integer cents', () => {
    expect(() => germanDecimal(1.5)).toThrow()
  })

  it('writes days as TT.MM.JJJJ and refuses anything else', () => {
    expect(germanDate('2026-11-29')).toBe('29.11.2026')
    expect(csvCell('date', '2028-02-29')).toBe('29.02.2028')
    expect(csvCell('date', null)).toBe('')
    expect(() => germanDate('2026-11-29T10:00:00Z')).toThrow()
  })
})

describe('the CSV file', () => {
  const table = {
    title: 'Firmen',
    columns: [{ header: 'Firma', kind: 'text' as const }, { header: 'Betrag', kind: 'cents' as const }, { header: 'Datum', kind: 'date' as const }],
    rows: [['Bäckerei "Süß"; Öhringen', 123456, '2026-11-29'], ['=HYPERLINK("http://x")', null, null]],
  }

  it('is UTF-8 with a byte order mark, semicolons, and quotes where a cell needs them', () => {
    const bytes = toCsv(table)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    expect(text.split('\r\n')[0]).toBe('Firma;Betrag;Datum')
    expect(text.split('\r\n')[1]).toBe('"Bäckerei ""Süß""; Öhringen";1234,56;29.11.2026')
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true })
    expect(parsed.data).toEqual([['Firma', 'Betrag', 'Datum'], ['Bäckerei "Süß"; Öhringen', '1234,56', '29.11.2026'], ['\'=HYPERLINK("http://x")', '', '']])
  })

  it('refuses more rows than the cap', () => {
    expect(() => checkExportSize(MAX_EXPORT_ROWS)).not.toThrow()
    expect(() => checkExportSize(MAX_EXPORT_ROWS + 1)).toThrow('errors.exportTooLarge')
  })

  it('asks a too long list for its count only, never for its rows', async () => {
    const limits: number[] = []
    // A list as the services count it: up to `limit + countAhead` matches, then a lower bound (db/platform/capped-count).
    const page = (total: number) => async (limit: number, countAhead: number) => {
      limits.push(limit)
      const bound = limit + countAhead
      return { total: Math.min(total, bound), totalIsLowerBound: total > bound, rows: Array.from({ length: Math.min(limit, total) }, (_, i) => i) }
    }
    await expect(allRows(page(MAX_EXPORT_ROWS + 1))).rejects.toThrow('errors.exportTooLarge')
    expect(limits).toEqual([0])
    expect(await allRows(page(3))).toEqual([0, 1, 2])
    expect(await allRows(page(MAX_EXPORT_ROWS))).toHaveLength(MAX_EXPORT_ROWS)
  })
})
