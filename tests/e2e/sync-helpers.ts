// What the end-to-end tests with the real sync server share: signing a laptop in through the settings page,
// one "Jetzt synchronisieren" that waits until its run is over, and a further laptop (its own web-mode app
// and database, its own browser context).
import type { Browser, Page } from '@playwright/test'
import { SERVER_PASSWORD, type ServerProcess } from '../helpers/server-process'
import { createAppServer, expect, openApp, type AppServer } from './fixtures'

/** Signs the laptop in as `login` and waits until the settings page names the user (`name`). */
export async function connect(page: Page, server: ServerProcess, login: string, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Einstellungen' }).click()
  const form = page.getByRole('form', { name: 'Mit dem Sync-Server verbinden' })
  await form.getByLabel('Server-Adresse').fill(server.url)
  await form.getByLabel('Benutzername').fill(login)
  await form.getByLabel('Passwort').fill(SERVER_PASSWORD)
  await form.getByRole('button', { name: 'Verbinden' }).click()
  await expect(page.getByText(new RegExp(`${name} \\(`))).toBeVisible()
}

/** Clicks "Jetzt synchronisieren" and waits until that run is over (the button comes back). */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Einstellungen' }).click()
  await page.getByRole('button', { name: 'Jetzt synchronisieren' }).click()
  await expect(page.getByRole('button', { name: 'Synchronisiert …' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeEnabled()
}

export interface Laptop {
  app: AppServer & { cleanup(): Promise<void> }
  page: Page
  /** Console errors and uncaught page errors of this laptop's tab (the fixture watches only the first laptop). */
  consoleErrors: string[]
  close(): Promise<void>
}

/** Another laptop: its own app on its own database, opened in its own browser context (de-DE, Berlin). */
export async function secondLaptop(browser: Browser, viewport = { width: 1360, height: 860 }): Promise<Laptop> {
  const app = await createAppServer()
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport })
  const page = await context.newPage()
  const consoleErrors: string[] = []
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  page.on('pageerror', (e) => consoleErrors.push(String(e)))
  return { app, page, consoleErrors, close: async () => { await context.close(); await app.cleanup() } }
}

/** Another laptop, opened and signed in as `login` (whose display name is `name`). */
export async function connectedLaptop(browser: Browser, server: ServerProcess, login: string, name: string, viewport?: { width: number; height: number }): Promise<Laptop> {
  const laptop = await secondLaptop(browser, viewport)
  await openApp(laptop.page, laptop.app, '/settings')
  await connect(laptop.page, server, login, name)
  return laptop
}
