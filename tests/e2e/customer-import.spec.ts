// Customers in from a spreadsheet, as a user does it: a CSV saved by German Excel (semicolons, Windows-1252,
// umlauts) with one bad row — the dry run names its line and field and nothing is written — the fixed file
// imported with a double click on "Jetzt importieren" (once), and the companies found by the list's search;
// contacts from a file whose "Name" column the user maps by hand, the mapping saved and offered next time.
import { expect, openApp, test } from './fixtures'

const win1252 = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1')
const HEADER = 'Kundennr.;Firmenname;Straße;PLZ;Ort;Bundesland;Status'
const ROWS = [
  'K-2001;Weiß & Söhne GmbH;Hauptstraße 1;50667;Köln;Nordrhein-Westfalen;Kunde',
  'K-2002;Bäckerei Öztürk;Domplatz 3;01067;Dresden;Sachsen;Interessent',
  'K-2003;Grüne Wiese AG;Am Ring 9;38100;Braunschweig;Niedersachsen;Kunde',
]

test('a Windows-1252 CSV from Excel: the bad row named, the fixed file imported once, the companies searchable', async ({ page, app, consoleErrors: _ }) => {
  await openApp(page, app, '/companies')
  await page.getByRole('link', { name: 'Importieren' }).click()
  await expect(page.getByRole('heading', { name: 'Firmen importieren' })).toBeVisible()

  const broken = [HEADER, ROWS[0]!, ROWS[1]!.replace('01067', '0I067'), ROWS[2]!]
  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles({ name: 'kunden.csv', mimeType: 'text/csv', buffer: win1252(broken) })
  await expect(page.getByText(/3 Zeilen mit 7 Spalten gelesen \(CSV, Windows-1252, „;“\)/)).toBeVisible()
  await expect(page.getByLabel('Firmenname', { exact: true })).toHaveValue('1')
  await expect(page.getByText('Prüfung: 2 werden angelegt, 0 aktualisiert, 1 Zeile übersprungen. Noch ist nichts gespeichert.')).toBeVisible()
  const problems = page.getByRole('table', { name: 'Zeilen, die übersprungen werden' })
  await expect(problems.getByRole('row').nth(1)).toContainText('3')
  await expect(problems.getByRole('row').nth(1)).toContainText('PLZ')
  await expect(problems.getByRole('row').nth(1)).toContainText('0I067')
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: 'test-results/customer-import-mapping.png' })
  await problems.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/customer-import-dry-run.png' })
  const before = await app.api<{ total: number }>('companies.list', { search: 'Söhne' })
  expect(before.data?.total).toBe(0)

  // The user corrects the cell in Excel and chooses the file again.
  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles({ name: 'kunden.csv', mimeType: 'text/csv', buffer: win1252([HEADER, ...ROWS]) })
  await expect(page.getByText('Prüfung: 3 werden angelegt, 0 aktualisiert, 0 Zeilen übersprungen. Noch ist nichts gespeichert.')).toBeVisible()
  await expect(problems).toHaveCount(0)
  await page.getByRole('button', { name: 'Jetzt importieren' }).dblclick()
  await expect(page.getByText('Import abgeschlossen: 3 angelegt, 0 aktualisiert, 0 Zeilen übersprungen.')).toBeVisible()
  await expect(page.getByRole('progressbar', { name: 'Import läuft' })).toHaveAttribute('aria-valuenow', '3')

  await page.getByRole('link', { name: 'Zur Liste' }).last().click()
  await page.getByRole('searchbox', { name: 'Firmen durchsuchen' }).fill('Weiß')
  const list = page.getByRole('table', { name: 'Firmenliste' })
  await expect(list.getByRole('link', { name: 'Weiß & Söhne GmbH' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Firmen durchsuchen' }).fill('Öztürk')
  await expect(list.getByRole('link', { name: 'Bäckerei Öztürk' })).toBeVisible()
  const all = await app.api<{ total: number }>('companies.list', { search: 'K-200' })
  expect(all.data?.total).toBe(3)
})

test('contacts: a column mapped by hand, checked, imported, and the mapping saved for the next file', async ({ page, app, consoleErrors: _ }) => {
  expect((await app.api('companies.create', { name: 'Hansa Logistik GmbH', customerNumber: 'H-1', status: 'customer' })).ok).toBe(true)
  const file = Buffer.from(['Kunde;Herr/Frau;Vorname;Familie;Mail', 'H-1;Frau;Jana;Kühn;jana.kuehn@hansa.de', 'H-1;Herr;Jörg;Brandt;joerg@hansa.de'].join('\n'), 'utf8')
  await openApp(page, app, '/contacts')
  await page.getByRole('link', { name: 'Importieren' }).click()
  await expect(page.getByRole('heading', { name: 'Ansprechpartner importieren' })).toBeVisible()
  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles({ name: 'kontakte.csv', mimeType: 'text/csv', buffer: file })
  await expect(page.getByRole('alert')).toHaveText('Bitte ordnen Sie eine Spalte zu für: Nachname')
  // "Kunde" was taken for the company's name; in this file it holds the customer number.
  await expect(page.getByLabel('Firmenname', { exact: true })).toHaveValue('0')
  await page.getByLabel('Firmenname', { exact: true }).selectOption({ label: '– nicht importieren –' })
  await page.getByLabel('Kundennummer der Firma').selectOption({ label: 'Kunde' })
  await page.getByLabel('Anrede').selectOption({ label: 'Herr/Frau' })
  await page.getByLabel('Nachname').selectOption({ label: 'Familie' })
  await page.getByLabel('E-Mail').selectOption({ label: 'Mail' })
  await expect(page.getByRole('button', { name: 'Jetzt importieren' })).toBeDisabled()
  await page.getByLabel('Zuordnung speichern als').fill('Altes CRM')
  await page.getByRole('button', { name: 'Zuordnung speichern' }).click()
  await expect(page.getByText('Zuordnung „Altes CRM“ gespeichert.')).toBeVisible()
  await page.getByRole('button', { name: 'Prüfen' }).click()
  await expect(page.getByText('Prüfung: 2 werden angelegt, 0 aktualisiert, 0 Zeilen übersprungen. Noch ist nichts gespeichert.')).toBeVisible()
  await page.getByRole('button', { name: 'Jetzt importieren' }).click()
  await expect(page.getByText('Import abgeschlossen: 2 angelegt, 0 aktualisiert, 0 Zeilen übersprungen.')).toBeVisible()

  // The next export of the same system: the saved mapping is applied by itself; the same people update.
  await page.getByRole('button', { name: 'Weitere Datei importieren' }).click()
  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles({ name: 'kontakte-2.csv', mimeType: 'text/csv', buffer: file })
  await expect(page.getByText('Gespeicherte Zuordnung „Altes CRM“ angewendet.')).toBeVisible()
  await expect(page.getByText('Prüfung: 0 werden angelegt, 2 aktualisiert, 0 Zeilen übersprungen. Noch ist nichts gespeichert.')).toBeVisible()
  const contacts = await app.api<{ rows: Array<{ lastName: string; salutation: string }> }>('contacts.list', { search: 'Kühn' })
  expect(contacts.data?.rows).toEqual([expect.objectContaining({ lastName: 'Kühn', salutation: 'ms' })])
})

test('a company typed twice arrives with the import, the duplicate list shows it, and the merge moves its offers and contacts', async ({ page, app, consoleErrors: _ }) => {
  const typedBefore = await app.api<{ id: string }>('companies.create', { name: 'Mueller GmbH, Köln', customerNumber: 'K-3002', status: 'customer', street: 'Domstraße 1', postalCode: '50667', city: 'Köln' })
  const loserId = typedBefore.data!.id
  const contact = await app.api<{ id: string }>('contacts.create', { companyId: loserId, salutation: 'ms', firstName: 'Anna', lastName: 'Weiß', language: 'de', email: 'anna@mueller.de' })
  const item = { productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 7, discountPercent: 0, optional: false }
  const offer = await app.api<{ id: string }>('offers.create', {
    companyId: loserId, contactId: contact.data!.id, conversationId: '', offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0,
    paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, deliveryTerms: 'frei Haus', introduction: '', benefits: '', items: [item],
  })
  expect(offer.ok).toBe(true)

  await openApp(page, app, '/companies/import')
  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles({ name: 'alt.csv', mimeType: 'text/csv', buffer: win1252([HEADER, 'K-3001;Müller GmbH;;50667;Köln;Nordrhein-Westfalen;Kunde']) })
  await page.getByRole('button', { name: 'Jetzt importieren' }).click()
  await expect(page.getByText('Import abgeschlossen: 1 angelegt, 0 aktualisiert, 0 Zeilen übersprungen.')).toBeVisible()

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Duplikate' }).click()
  const pair = page.getByRole('listitem', { name: /Paar (Müller GmbH \/ Mueller GmbH, Köln|Mueller GmbH, Köln \/ Müller GmbH)/ })
  await expect(pair).toContainText('gleicher Name')
  await expect(pair).toContainText('gleiche PLZ')
  await pair.getByRole('button', { name: 'Zusammenführen …' }).click()
  const merge = page.getByRole('region', { name: 'Firmen zusammenführen' })
  await merge.getByRole('radio', { name: /Müller GmbH \(K-3001\)/ }).check()
  // The survivor has no street: the other's is taken unless the user says otherwise.
  await expect(merge.getByRole('radio', { name: 'Straße und Hausnummer: Domstraße 1' })).toBeChecked()
  await expect(merge).toContainText('„Mueller GmbH, Köln“ wird gelöscht.')
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: 'test-results/duplicates-merge.png' })
  await merge.getByRole('button', { name: 'Jetzt zusammenführen' }).dblclick()
  await expect(page.getByRole('status').filter({ hasText: 'Zusammengeführt in „Müller GmbH“' })).toBeVisible()
  await expect(pair).toHaveCount(0)

  const survivor = await app.api<{ rows: Array<{ id: string; name: string }> }>('companies.list', { search: 'Müller GmbH' })
  expect(survivor.data?.rows.map((r) => r.name)).toEqual(['Müller GmbH'])
  await openApp(page, app, `/companies/${survivor.data!.rows[0]!.id}`)
  await expect(page.getByText('K-3002')).toBeVisible()
  await expect(page.getByText('Domstraße 1')).toBeVisible()
  await expect(page.getByRole('link', { name: /Weiß/ }).first()).toBeVisible()
  const offers = await app.api<{ rows: Array<{ companyId: string }> }>('offers.list', { companyId: survivor.data!.rows[0]!.id })
  expect(offers.data?.rows).toHaveLength(1)
})

test('the forms say while typing that a company or a person may already be there', async ({ page, app, consoleErrors: _ }) => {
  const company = await app.api<{ id: string }>('companies.create', { name: 'Müller GmbH', customerNumber: 'K-4001', status: 'customer', postalCode: '50667', city: 'Köln' })
  expect((await app.api('contacts.create', { companyId: company.data!.id, salutation: 'ms', firstName: 'Anna', lastName: 'Weiß', language: 'de', email: 'anna@mueller.de' })).ok).toBe(true)
  await openApp(page, app, '/companies/new')
  await page.getByLabel('Firmenname').fill('Mueller GmbH & Co. KG')
  const companyHint = page.getByRole('note', { name: 'Möglicherweise schon vorhanden' })
  await expect(companyHint.getByRole('link', { name: 'Müller GmbH' })).toBeVisible()
  await expect(companyHint).toContainText('gleicher Name')

  await openApp(page, app, `/contacts/new?companyId=${company.data!.id}`)
  await page.getByLabel('Nachname').fill('Weiss')
  await page.getByLabel('E-Mail').fill('Anna@Mueller.de')
  const contactHint = page.getByRole('note', { name: 'Möglicherweise schon vorhanden' })
  await expect(contactHint.getByRole('link', { name: 'Anna Weiß' })).toBeVisible()
  await expect(contactHint).toContainText('gleiche E-Mail')
})
