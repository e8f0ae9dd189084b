// Settings → Kalender-Abo against the real sync server: the address is made, shown once, read by a calendar
// (the page's request context) with the appointment in it; a new address ends the old one, and so does "Abo beenden".
import ICAL from 'ical.js'
import type { Page } from '@playwright/test'
import { SERVER_PASSWORD, startServerProcess, type ServerProcess } from '../helpers/server-process'
import { expect, openApp, test } from './fixtures'

async function connect(page: Page, server: ServerProcess) {
  await page.getByRole('link', { name: 'Einstellungen' }).click()
  const form = page.getByRole('form', { name: 'Mit dem Sync-Server verbinden' })
  await form.getByLabel('Server-Adresse').fill(server.url)
  await form.getByLabel('Benutzername').fill('anna')
  await form.getByLabel('Passwort').fill(SERVER_PASSWORD)
  await form.getByRole('button', { name: 'Verbinden' }).click()
  await expect(page.getByText(/Anna Becker \(/)).toBeVisible()
}

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Jetzt synchronisieren' }).click()
  await expect(page.getByRole('button', { name: 'Synchronisiert …' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeEnabled()
}

/** A German wall-clock day `days` from now. */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' })

test('Kalender-Abo: create, shown once, the feed holds the appointment; reset and end stop the old address', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  const server = await startServerProcess()
  try {
    await openApp(page, app, '/settings')
    const section = page.getByRole('region', { name: 'Kalender-Abo' })
    await expect(section).toContainText('Verbinden Sie sich zuerst')
    await expect(section.getByRole('button', { name: 'Abo-Adresse erstellen' })).toHaveCount(0)

    await connect(page, server)
    const company = await app.api<{ id: string }>('companies.create', { name: 'Brunsviga Präzisionstechnik GmbH', status: 'customer', city: 'Braunschweig', federalState: 'NI' })
    const day = dayAhead(7)
    const created = await app.api('appointments.create', { companyId: company.data!.id, kind: 'visit', title: 'Jahresgespräch', startsAt: `${day}T10:00`, endsAt: `${day}T11:30`, location: 'Werk Braunschweig', notes: '' })
    expect(created.ok, JSON.stringify(created.error)).toBe(true)
    await syncNow(page)

    // A double click makes one address.
    await section.getByRole('button', { name: 'Abo-Adresse erstellen' }).dblclick()
    const address = section.getByRole('textbox', { name: 'Abo-Adresse' })
    await expect(address).toHaveValue(/\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/)
    await expect(section).toContainText('Die Adresse wird nur jetzt angezeigt')
    await expect(section).toContainText('Abo aktiv seit')
    await section.getByRole('button', { name: 'Kopieren' }).click()
    await section.screenshot({ path: test.info().outputPath('calendar-feed-de.png') })
    const url = await address.inputValue()

    const feed = await page.request.get(url)
    expect(feed.status()).toBe(200)
    expect(feed.headers()['content-type']).toMatch(/^text\/calendar/)
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()))
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Kundenreise')
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    const visit = events.find((e) => e.summary === 'Besuch: Jahresgespräch – Brunsviga Präzisionstechnik GmbH')
    expect(visit, events.map((e) => e.summary).join(' | ')).toBeTruthy()
    expect(visit!.location).toBe('Werk Braunschweig')
    expect(visit!.startDate.toJSDate().toLocaleString('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' })).toBe('10:00')
    expect(events.filter((e) => e.summary.includes('Jahresgespräch'))).toHaveLength(1)

    // Shown once: after a reload only the state is left.
    await page.reload()
    await expect(section).toContainText('Abo aktiv seit')
    await expect(section.getByRole('textbox', { name: 'Abo-Adresse' })).toHaveCount(0)

    // A new address: the old one answers 401 and names nobody.
    await section.getByRole('button', { name: 'Neue Adresse (alte wird ungültig)' }).click()
    await expect(address).not.toHaveValue(url)
    const old = await page.request.get(url)
    expect(old.status()).toBe(401)
    expect(await old.text()).not.toMatch(/anna|Anna|Becker/)
    const fresh = await address.inputValue()
    expect((await page.request.get(fresh)).status()).toBe(200)

    await section.getByRole('button', { name: 'Abo beenden' }).click()
    await expect(section).toContainText('Abo beendet')
    await expect(section.getByRole('button', { name: 'Abo-Adresse erstellen' })).toBeVisible()
    expect((await page.request.get(fresh)).status()).toBe(401)

    // The same section in English.
    await page.getByLabel('Sprache').first().selectOption('en')
    const english = page.getByRole('region', { name: 'Calendar subscription' })
    await english.getByRole('button', { name: 'Create subscription address' }).click()
    const englishAddress = english.getByRole('textbox', { name: 'Subscription address' })
    await expect(englishAddress).toHaveValue(/\.ics$/)
    await expect(english).toContainText('Subscription active since')
    // A new address right after the end is a new one, never an earlier (dead) answer replayed.
    expect([url, fresh]).not.toContain(await englishAddress.inputValue())
    expect((await page.request.get(await englishAddress.inputValue())).status()).toBe(200)
    await english.screenshot({ path: test.info().outputPath('calendar-feed-en.png') })
  } finally {
    await server.cleanup()
  }
})
