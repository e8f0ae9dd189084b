// Issue 18 end to end with the real sync server (de-DE, 1280×720): the admin's laptop creates a user on "Team &
// Benutzer" (the one-time password shown once), is refused disabling the last admin and a duplicate login; the new
// user's laptop signs in with the one-time password and chooses its own; the admin moves that user's customer to
// the other team — after sync it is gone from the old team's laptop and present on the new team's, with the photo
// attached to it (fetched from the server by the new team's laptop). The page in English.
import type { Page } from '@playwright/test'
import { PHOTO_WIDTH, photo } from '../helpers/files-fixture'
import { startServerProcess } from '../helpers/server-process'
import { expect, must, openApp, test, type AppServer } from './fixtures'
import { connect, secondLaptop, syncNow, type Laptop } from './sync-helpers'

const COMPANY = 'Weserwerft Technik GmbH'
const VIEWPORT = { width: 1280, height: 720 }

test.use({ viewport: VIEWPORT, locale: 'de-DE', actionTimeout: 20_000 })

const files = (page: Page) => page.getByRole('region', { name: 'Anhänge' })

/** The laptop's companies (its database, through the app's API). */
async function companyNames(app: AppServer): Promise<string[]> {
  return (await must<{ rows: Array<{ name: string }> }>(app, 'companies.list', {})).rows.map((r) => r.name)
}

test('an admin creates a user with a one-time password, is refused what breaks the rules, and moves a customer between teams\' laptops', async ({ page, app, browser, consoleErrors }) => {
  test.setTimeout(180_000)
  const server = await startServerProcess({ users: [
    { login: 'ada', name: 'Ada Admin', role: 'admin' },
    { login: 'anna', name: 'Anna Becker', role: 'field_sales', team: 'Vertrieb Nord' },
    { login: 'carla', name: 'Carla Öztürk', role: 'field_sales', team: 'Vertrieb Süd' },
  ] })
  const laptops: Laptop[] = []
  page.on('dialog', (d) => void d.accept())
  try {
    await openApp(page, app, '/settings')
    await connect(page, server, 'ada', 'Ada Admin')
    await page.getByRole('link', { name: 'Team & Benutzer' }).click()
    const users = page.getByRole('table', { name: 'Benutzer' })
    await expect(users.getByRole('row', { name: /anna/ })).toContainText('Außendienst')

    // A new user: the one-time password is shown once.
    const form = page.getByRole('form', { name: 'Neuer Benutzer' })
    await form.getByLabel('Benutzername').fill('bernd')
    await form.getByLabel(/^Name/).fill('Bernd Kaiser')
    await form.getByLabel('Rolle').selectOption({ label: 'Innendienst' })
    await form.getByLabel('Team').selectOption({ label: 'Vertrieb Nord' })
    await form.getByRole('button', { name: 'Benutzer anlegen' }).click()
    const oneTime = page.getByTestId('one-time-password')
    await expect(oneTime).toHaveText(/^[A-Za-z0-9_-]{12}$/)
    const password = (await oneTime.textContent())!
    await expect(users.getByRole('row', { name: /bernd/ })).toContainText('Einmal-Passwort offen')
    await page.screenshot({ path: test.info().outputPath('team-admin-one-time-de.png') })
    await page.getByRole('button', { name: 'Weitergegeben, ausblenden' }).click()
    await expect(oneTime).toHaveCount(0)
    await expect(page.getByText(password)).toHaveCount(0)

    // Refused: the last admin disabled, a login that exists, a team without a name. Nothing changes.
    await page.getByRole('button', { name: 'Sperren: ada' }).click()
    await expect(page.getByRole('alert')).toContainText('letzte aktive Administration')
    await expect(users.getByRole('row', { name: /ada/ })).toContainText('Aktiv')
    await form.getByLabel('Benutzername').fill('anna')
    await form.getByLabel(/^Name/).fill('Noch eine Anna')
    await form.getByRole('button', { name: 'Benutzer anlegen' }).click()
    await expect(form.getByText('Diesen Benutzernamen gibt es schon.')).toBeVisible()
    await page.getByRole('form', { name: 'Neues Team' }).getByRole('button', { name: 'Team anlegen' }).click()
    await expect(page.getByRole('form', { name: 'Neues Team' }).getByText('Bitte einen Namen für das Team eingeben.')).toBeVisible()

    // Bernd's laptop: the one-time password, then a password of his own.
    const bernd = await secondLaptop(browser, VIEWPORT)
    laptops.push(bernd)
    await openApp(bernd.page, bernd.app, '/settings')
    const connectForm = bernd.page.getByRole('form', { name: 'Mit dem Sync-Server verbinden' })
    await connectForm.getByLabel('Server-Adresse').fill(server.url)
    await connectForm.getByLabel('Benutzername').fill('bernd')
    await connectForm.getByLabel(/^Passwort/).fill(password)
    await connectForm.getByRole('button', { name: 'Verbinden' }).click()
    await expect(connectForm.getByText('Bitte wählen Sie jetzt ein eigenes neues Passwort.')).toBeVisible()
    await bernd.page.screenshot({ path: test.info().outputPath('team-admin-new-password-de.png') })
    await connectForm.getByLabel('Neues Passwort').fill('Bernds-eigenes-Passwort')
    await connectForm.getByRole('button', { name: 'Verbinden' }).click()
    await expect(bernd.page.getByText(/Bernd Kaiser \(/)).toBeVisible()

    // Carla's laptop in team Süd.
    const carla = await secondLaptop(browser, VIEWPORT)
    laptops.push(carla)
    await openApp(carla.page, carla.app, '/settings')
    await connect(carla.page, server, 'carla', 'Carla Öztürk')
    await expect(carla.page.getByRole('link', { name: 'Team & Benutzer' })).toHaveCount(0)

    // Bernd's customer reaches the admin; the admin moves it to Süd.
    const company = await must(bernd.app, 'companies.create', { name: COMPANY, status: 'customer', city: 'Bremen' })
    await openApp(bernd.page, bernd.app, `/companies/${company.id}`)
    await files(bernd.page).getByLabel('Datei anhängen').setInputFiles({ name: 'Halle.png', mimeType: 'image/png', buffer: photo(20_000, 6) })
    await expect(files(bernd.page).getByRole('status')).toHaveText('„Halle.png“ angehängt.')
    await syncNow(bernd.page)
    await syncNow(page)
    await openApp(page, app, `/companies/${company.id}`)
    await page.getByRole('button', { name: 'Team wechseln' }).click()
    const move = page.getByRole('group', { name: 'In ein anderes Team verschieben' })
    await expect(move).toContainText('Aktuell: Vertrieb Nord')
    await move.getByLabel('Neues Team').selectOption({ label: 'Vertrieb Süd' })
    await move.getByRole('button', { name: 'Verschieben' }).click()
    await expect(move.getByRole('status')).toContainText('Verschoben nach Vertrieb Süd')
    await page.screenshot({ path: test.info().outputPath('team-admin-move-de.png') })
    await syncNow(page)

    await syncNow(bernd.page)
    expect(await companyNames(bernd.app)).toEqual([])
    await syncNow(carla.page)
    expect(await companyNames(carla.app)).toEqual([COMPANY])
    await openApp(carla.page, carla.app, '/companies')
    await expect(carla.page.getByRole('link', { name: COMPANY })).toBeVisible()
    // … with its file: the server serves the photo to the new team's laptop, whose scope now holds its row.
    await openApp(carla.page, carla.app, `/companies/${company.id}`)
    await files(carla.page).getByRole('button', { name: 'Ansehen: Halle.png' }).click()
    const picture = files(carla.page).getByRole('img', { name: 'Vorschau von Halle.png' })
    await expect(picture).toBeVisible()
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(PHOTO_WIDTH)

    // Who is connected when: Bernd's and Carla's laptops among the devices.
    await openApp(page, app, '/team')
    const devices = page.getByRole('table', { name: 'Geräte' })
    await expect(devices.getByRole('row', { name: /bernd/ })).toBeVisible()
    await expect(devices.getByRole('row', { name: /carla/ })).toBeVisible()
    await devices.scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath('team-admin-devices-de.png') })

    // The page in English.
    await must(app, 'settings.update', { language: 'en' })
    await openApp(page, app, '/team')
    await expect(page.getByRole('heading', { name: 'Team & users' })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Users' }).getByRole('row', { name: /bernd/ })).toContainText('Inside sales')
    await page.screenshot({ path: test.info().outputPath('team-admin-en.png') })

    void consoleErrors
    for (const laptop of laptops) expect(laptop.consoleErrors, 'console errors on another laptop').toEqual([])
  } finally {
    for (const laptop of laptops) await laptop.close()
    await server.cleanup()
  }
})
