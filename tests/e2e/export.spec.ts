// Exporting lists: the company list filtered as the user sees it, downloaded as CSV and read back row by
// row (UTF-8 with BOM, semicolons, umlauts, a formula defused); the offer list offers the same buttons; the
// order-rate report downloads as a workbook of its tables, the price list as CSV.
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { expect, openApp, test } from './fixtures'

test('company list: filtered, exported as CSV, the file holds exactly the filtered rows', async ({ page, app, consoleErrors: _ }) => {
  for (const company of [
    { name: 'Müller & Söhne Gärtnerei', status: 'customer', city: 'Göttingen', federalState: 'NI' },
    { name: '=HYPERLINK("http://x")', status: 'customer', city: 'Hannover', federalState: 'NI' },
    { name: 'Bäckerei Öztürk', status: 'prospect', city: 'München', federalState: 'BY' },
  ]) expect((await app.api('companies.create', company)).ok).toBe(true)

  await openApp(page, app, '/companies')
  const table = page.getByRole('table', { name: 'Firmenliste' })
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Kunde' })
  await expect(table.getByRole('link', { name: 'Bäckerei Öztürk' })).toBeHidden()

  const exportGroup = page.getByRole('group', { name: 'Exportieren' })
  const downloading = page.waitForEvent('download')
  await exportGroup.getByRole('button', { name: 'Liste als CSV exportieren' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Firmen-\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data
  expect(rows.map((r) => r.slice(0, 5))).toEqual([
    ['Firmenname', 'Kundennummer', 'Ort', 'Bundesland', 'Status'],
    ["'=HYPERLINK(\"http://x\")", '', 'Hannover', 'Niedersachsen', 'Kunde'],
    ['Müller & Söhne Gärtnerei', '', 'Göttingen', 'Niedersachsen', 'Kunde'],
  ])
  await expect(exportGroup.getByRole('status')).toHaveText(/Firmen-.*\.csv mit 2 Zeilen heruntergeladen/)
})

test('offer list: the Excel button downloads an .xlsx', async ({ page, app, consoleErrors: _ }) => {
  await openApp(page, app, '/offers')
  const downloading = page.waitForEvent('download')
  await page.getByRole('group', { name: 'Exportieren' }).getByRole('button', { name: 'Liste als Excel-Datei exportieren' }).click()
  expect((await downloading).suggestedFilename()).toMatch(/^Angebote-\d{4}-\d{2}-\d{2}\.xlsx$/)
})

test('order-rate report: the Excel button in the header downloads one worksheet per table', async ({ page, app, consoleErrors: _ }) => {
  await openApp(page, app, '/reports/order-rate')
  await expect(page.getByRole('heading', { name: 'Auftragsquote', level: 1 })).toBeVisible()
  const downloading = page.waitForEvent('download')
  await page.getByRole('group', { name: 'Exportieren' }).getByRole('button', { name: 'Liste als Excel-Datei exportieren' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Auftragsquote-\d{4}-\d{2}-\d{2}\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer)
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Auftragsquote gesamt', 'Nach Zeitraum', 'Nach Betreuer', 'Nach Segment', 'Gründe für verlorene Aufträge', 'Nachfass-Disziplin'])
  expect(workbook.worksheets[0]!.getRow(1).getCell(5).value).toBe('Quote (Anzahl)')
})

test('price list: the CSV button downloads the products with German decimals', async ({ page, app, consoleErrors: _ }) => {
  expect((await app.api('products.create', { sku: 'P-1', name: 'Prüfstand Öl', description: '', unit: 'Stück', listPriceCents: 123_456, vatRate: 19, warrantyMonths: 24, active: true })).ok).toBe(true)
  await openApp(page, app, '/products')
  await expect(page.getByRole('table', { name: 'Produkte und Preise' }).getByRole('cell', { name: 'Prüfstand Öl' })).toBeVisible()
  const downloading = page.waitForEvent('download')
  await page.getByRole('group', { name: 'Exportieren' }).getByRole('button', { name: 'Liste als CSV exportieren' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Produkte-und-Preise-\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data
  expect(rows[0]!.slice(0, 5)).toEqual(['Artikelnummer', 'Bezeichnung', 'Beschreibung', 'Einheit', 'Listenpreis (€, netto)'])
  expect(rows.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([['P-1', 'Prüfstand Öl', '1234,56']])
})
