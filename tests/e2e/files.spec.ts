// Issue 18, files end to end (de-DE, 1280×720): on a customer's page a photo is attached through the file dialog
// and shown as a picture; an empty file and a program renamed to .pdf are refused with a visible message and
// nothing is added. Across two laptops and the real sync server: a photo attached on laptop A (offline, then
// synced) opens as a picture on laptop B after both synced — fetched from the server when it is opened.
import type { Page } from '@playwright/test'
import { startServerProcess } from '../helpers/server-process'
import { PHOTO_WIDTH, pdf, photo, program } from '../helpers/files-fixture'
import { expect, must, openApp, test, type AppServer } from './fixtures'
import { connect, connectedLaptop, syncNow, type Laptop } from './sync-helpers'

const VIEWPORT = { width: 1280, height: 720 }
const SHOTS = process.env.KUNDENREISE_SHOTS

test.use({ viewport: VIEWPORT, locale: 'de-DE' })

async function customer(app: AppServer, name: string): Promise<string> {
  const company = await must(app, 'companies.create', { name, status: 'customer', street: 'Hafenstraße 4', postalCode: '28217', city: 'Bremen', federalState: 'HB', segment: 'mid_market' })
  return company.id
}

const panel = (page: Page) => page.getByRole('region', { name: 'Anhänge' })

async function attach(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await panel(page).getByLabel('Datei anhängen').setInputFiles({ name, mimeType, buffer })
}

/** The picture shown for `name` has really been decoded by the browser (not a broken image). */
async function expectPicture(page: Page, name: string) {
  const image = panel(page).getByRole('img', { name: `Vorschau von ${name}` })
  await expect(image).toBeVisible()
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(PHOTO_WIDTH)
}

test('a photo is attached through the file dialog and previewed; an empty file and a renamed program are refused', async ({ page, app, consoleErrors }) => {
  const companyId = await customer(app, 'Weserwerft Technik GmbH')
  await openApp(page, app, `/companies/${companyId}`)
  await expect(panel(page).getByText('Noch keine Anhänge.')).toBeVisible()

  await attach(page, 'Halle 3.png', photo(200_000), 'image/png')
  await expect(panel(page).getByRole('status')).toHaveText('„Halle 3.png“ angehängt.')
  const rows = panel(page).getByRole('table', { name: 'Anhänge' }).getByRole('row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText('Halle 3.png')
  await expect(rows.nth(1)).toContainText('PNG')
  await expect(rows.nth(1)).toContainText('195,3 KB')

  await attach(page, 'leer.pdf', Buffer.alloc(0), 'application/pdf')
  await expect(panel(page).getByRole('alert')).toHaveText('leer.pdf: Die Datei ist leer (0 Bytes) und wurde nicht angehängt.')
  await attach(page, 'rechnung.pdf', program(), 'application/pdf')
  await expect(panel(page).getByRole('alert')).toHaveText('rechnung.pdf: Die Datei ist ein Programm (egal wie sie heißt) und wurde nicht angehängt.')
  await expect(rows).toHaveCount(2)
  const listed = await must<{ files: Array<{ name: string }> }>(app, 'files.list', { kind: 'company', id: companyId })
  expect(listed.files.map((f) => f.name)).toEqual(['Halle 3.png'])

  await panel(page).getByRole('button', { name: 'Ansehen: Halle 3.png' }).click()
  await expectPicture(page, 'Halle 3.png')
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/files-panel.png`, fullPage: false })

  // A PDF shows its first page.
  await attach(page, 'Lieferschein.pdf', pdf(), 'application/pdf')
  await panel(page).getByRole('button', { name: 'Ansehen: Lieferschein.pdf' }).click()
  await expect(panel(page).getByRole('img', { name: 'Erste Seite der PDF' })).toBeVisible()
  await expect(panel(page).getByText('1 Seite', { exact: true })).toBeVisible()
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/files-pdf.png`, fullPage: false })

  // "Offline verfügbar" is kept per record on this laptop.
  await panel(page).getByRole('checkbox', { name: 'Offline verfügbar' }).check()
  await expect(panel(page).getByRole('checkbox', { name: 'Offline verfügbar' })).toBeChecked()
  expect((await must<{ offline: boolean }>(app, 'files.list', { kind: 'company', id: companyId })).offline).toBe(true)

  // A contact's page has its own Anhänge; its file is listed on the company too, marked as the contact's.
  const contact = await must(app, 'contacts.create', { companyId, salutation: 'ms', firstName: 'Maria', lastName: 'Berger', language: 'de' })
  await openApp(page, app, `/contacts/${contact.id}/edit`)
  await attach(page, 'Visitenkarte.png', photo(5000, 2), 'image/png')
  await expect(panel(page).getByRole('status')).toHaveText('„Visitenkarte.png“ angehängt.')
  await openApp(page, app, `/companies/${companyId}`)
  await expect(panel(page).getByRole('row', { name: /Visitenkarte\.png \(Kontakt\)/ })).toBeVisible()
  expect(consoleErrors).toEqual([])
})

test('a photo attached offline on laptop A is viewable on laptop B after both synced', async ({ page, app, browser, consoleErrors }) => {
  test.setTimeout(180_000)
  const server = await startServerProcess()
  const laptops: Laptop[] = []
  try {
    await openApp(page, app, '/settings')
    await connect(page, server, 'anna', 'Anna Becker')
    const b = await connectedLaptop(browser, server, 'ben', 'Ben Schulz', VIEWPORT)
    laptops.push(b)

    // Laptop A attaches the photo before any sync: it waits on the laptop for the next run.
    const companyId = await customer(app, 'Hafenkran Service GmbH')
    await openApp(page, app, `/companies/${companyId}`)
    await attach(page, 'Kran.png', photo(1_500_000, 5), 'image/png')
    await expect(panel(page).getByText('wird beim nächsten Sync hochgeladen')).toBeVisible()

    await syncNow(page)
    await syncNow(b.page)
    await openApp(page, app, `/companies/${companyId}`)
    await expect(panel(page).getByText('Kran.png')).toBeVisible()
    await expect(panel(page).getByText('wird beim nächsten Sync hochgeladen')).toHaveCount(0)

    await openApp(b.page, b.app, `/companies/${companyId}`)
    await expect(panel(b.page).getByText('auf dem Server, wird beim Öffnen geladen')).toBeVisible()
    await panel(b.page).getByRole('button', { name: 'Ansehen: Kran.png' }).click()
    await expectPicture(b.page, 'Kran.png')
    if (SHOTS) await b.page.screenshot({ path: `${SHOTS}/files-laptop-b.png`, fullPage: false })
    expect(b.consoleErrors).toEqual([])
    expect(consoleErrors).toEqual([])
  } finally {
    for (const laptop of laptops) await laptop.close()
    await server.cleanup()
  }
})
