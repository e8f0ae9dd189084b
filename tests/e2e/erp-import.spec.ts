// ERP facts in from a spreadsheet, as a user does it (issue 17): a CSV with German amounts and a bad row — the
// check names the row, its column and the reason, and nothing is imported; the corrected file shows the
// preview, "Import bestätigen" double-clicked imports once, and the customer's page shows the months and the
// open items with their days overdue. German, 1280×720, each screen photographed.
import { expect, openApp, test } from './fixtures'

test.use({ viewport: { width: 1280, height: 720 } })

const HEADER = 'Kundennummer;Monat;Umsatz;Offene Posten;Tage überfällig'
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8')
const GOOD = ['K-5001;10/2026;1.234,56;0;0', 'K-5001;Nov 2026;2.500,00;1.250,50;17', 'K-5002;2026-11;980;0;0']

test('a bad row is named and blocks the import; the fixed file is imported once and shown on the customer’s page', async ({ page, app, consoleErrors: _ }) => {
  for (const [name, number] of [['Weserland Maschinenbau GmbH', 'K-5001'], ['Harzer Antriebe AG', 'K-5002']]) {
    expect((await app.api('companies.create', { name, customerNumber: number, status: 'customer' })).ok).toBe(true)
  }
  await openApp(page, app, '/companies')
  await page.getByRole('link', { name: 'ERP-Daten einlesen' }).click()
  await expect(page.getByRole('heading', { name: 'ERP-Daten importieren' })).toBeVisible()

  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles({ name: 'erp.csv', mimeType: 'text/csv', buffer: csv([...GOOD, 'K-9999;11/2026;-12,00;0;0']) })
  const problems = page.getByRole('table', { name: 'Fehler' })
  await expect(page.getByText('1 fehlerhafte Zeile – es wird nichts importiert.', { exact: false })).toBeVisible()
  await expect(problems.getByRole('row')).toHaveCount(3)
  await expect(problems.getByRole('row').nth(1)).toContainText('5')
  await expect(problems.getByRole('row').nth(1)).toContainText('Umsatz')
  await expect(problems.getByRole('row').nth(1)).toContainText('Darf nicht negativ sein.')
  await expect(problems.getByRole('row').nth(2)).toContainText('Kundennummer')
  await expect(problems.getByRole('row').nth(2)).toContainText('Keine Firma hat diese Kundennummer.')
  await expect(page.getByRole('button', { name: 'Import bestätigen' })).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('erp-import-bad-row.png') })
  const before = await app.api<{ months: unknown[] }>('erp.forCompany', { companyId: (await app.api<{ rows: Array<{ id: string }> }>('companies.list', { search: 'Weserland' })).data!.rows[0]!.id })
  expect(before.data?.months).toEqual([])

  // The user corrects the file and chooses it again.
  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles({ name: 'erp.csv', mimeType: 'text/csv', buffer: csv(GOOD) })
  await expect(page.getByText(/3 Zeilen für 2 Kunden, Okt\. 2026 bis Nov\. 2026: 3 neu, 0 geändert, 0 unverändert\./)).toBeVisible()
  const preview = page.getByRole('table', { name: 'Vorschau' })
  await expect(preview.getByRole('row').nth(2)).toContainText('Weserland Maschinenbau GmbH')
  await expect(preview.getByRole('row').nth(2)).toContainText('2.500,00 €')
  await expect(preview.getByRole('row').nth(2)).toContainText('1.250,50 €')
  await page.screenshot({ path: test.info().outputPath('erp-import-preview.png') })
  await page.getByRole('button', { name: 'Import bestätigen' }).dblclick()
  await expect(page.getByText('Importiert: 3 neu, 0 geändert, 0 unverändert (2 Kunden).')).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('erp-import-done.png') })

  await page.getByRole('link', { name: 'Zur Liste' }).click()
  await page.getByRole('searchbox', { name: 'Firmen durchsuchen' }).fill('Weserland')
  await page.getByRole('table', { name: 'Firmenliste' }).getByRole('link', { name: 'Weserland Maschinenbau GmbH' }).click()
  const panel = page.getByRole('region', { name: 'Umsatz und offene Posten (ERP)' })
  await expect(panel.getByText('Umsatz letzte 12 Monate: 3.734,56 € (davor: 0,00 €)')).toBeVisible()
  await expect(panel.getByText('Offene Posten (Nov. 2026): 1.250,50 €, 17 Tage überfällig')).toBeVisible()
  await expect(panel.getByRole('img', { name: 'Umsatz je Monat, letzte 24 Monate' })).toBeVisible()
  await panel.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('erp-company-panel.png') })
  await panel.getByText('Monate als Tabelle').click()
  const months = panel.getByRole('table', { name: 'Umsatz je Monat, letzte 24 Monate' })
  await expect(months.getByRole('row')).toHaveCount(3)
  await expect(months.getByRole('row').nth(1)).toContainText('Nov. 2026')
  await expect(months.getByRole('row').nth(2)).toContainText('1.234,56 €')
  await panel.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('erp-company-months.png') })

})

test('in English: an Excel-style month name and English headers, the bad row explained in English', async ({ page, app, consoleErrors: _ }) => {
  expect((await app.api('companies.create', { name: 'Hansa Logistik GmbH', customerNumber: 'H-1', status: 'customer' })).ok).toBe(true)
  await openApp(page, app, '/companies')
  await page.getByLabel('Sprache').first().selectOption('en')
  await page.getByRole('link', { name: 'Load ERP data' }).click()
  await expect(page.getByRole('heading', { name: 'Import ERP data' })).toBeVisible()
  const file = Buffer.from(['Customer number,Month,Revenue,Open items,Days overdue', 'H-1,Oct 2026,"1.500,00",0,0', 'H-1,Movember 2026,10,0,0'].join('\n'), 'utf8')
  await page.getByLabel('File (CSV or Excel)').setInputFiles({ name: 'erp.csv', mimeType: 'text/csv', buffer: file })
  await expect(page.getByText('1 bad row – nothing will be imported.', { exact: false })).toBeVisible()
  const problems = page.getByRole('table', { name: 'Problem' })
  await expect(problems.getByRole('row').nth(1)).toContainText('Month')
  await expect(problems.getByRole('row').nth(1)).toContainText('Not a month')
  await page.screenshot({ path: test.info().outputPath('erp-import-english.png') })
  await page.getByLabel('File (CSV or Excel)').setInputFiles({ name: 'erp.csv', mimeType: 'text/csv', buffer: Buffer.from(file.toString('utf8').split('\n').slice(0, 2).join('\n')) })
  await expect(page.getByText(/1 row for 1 customer, Oct 2026 to Oct 2026: 1 new, 0 changed, 0 unchanged\./)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Preview' }).getByRole('row').nth(1)).toContainText('€1,500.00')
})
