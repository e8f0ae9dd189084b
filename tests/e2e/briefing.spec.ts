// The visit briefing (issue 16), acceptance: for a demo customer with a visit in the coming week, the briefing
// opens and its PDF downloads with the browser cut from the network — the PDF, read back with pdftotext, holds
// the buying center's worries, the open offer and the next cancel-by date. Then the page online, in German and
// English, with screenshots of the page and of the PDF's first page.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { Briefing } from '../../shared/modules/planning'
import { expect, openApp, test, type AppServer } from './fixtures'

const SHOTS = 'docs/screenshots'

/** A German wall-clock time `days` from now, at 10:00, as the appointment form gives it. */
function localDay(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

interface Picked { companyId: string; companyName: string; appointmentId: string; worries: string; offerNumber: string; cancelBy: string }

/**
 * A demo customer with an open offer and a cancel-by date ahead, and a visit the day after tomorrow with its
 * buying center taking part (the worries of its people are what the briefing must hold).
 */
async function demoCustomerWithVisit(app: AppServer): Promise<Picked> {
  expect((await app.api('demo.open')).ok).toBe(true)
  const offers = await app.api<{ rows: Array<{ companyId: string }> }>('offers.list', { status: 'open', limit: 500 })
  for (const companyId of [...new Set(offers.data!.rows.map((o) => o.companyId))]) {
    const b = (await app.api<Briefing>('briefing.get', { companyId })).data!
    if (!b.nextCancelBy || b.offers.length === 0) continue
    const contacts = await app.api<{ rows: Array<{ id: string }> }>('contacts.list', { companyId, limit: 10 })
    const day = localDay(2)
    const created = await app.api<{ id: string }>('appointments.create', {
      companyId, kind: 'visit', title: 'Besuch zur Verlängerung', startsAt: `${day}T10:00`, endsAt: `${day}T11:30`, location: '', notes: '', contactIds: contacts.data!.rows.map((c) => c.id), userIds: [],
    })
    expect(created.ok, JSON.stringify(created.error)).toBe(true)
    const withVisit = (await app.api<Briefing>('briefing.get', { companyId, appointmentId: created.data!.id })).data!
    const worries = withVisit.people.find((p) => p.worries)?.worries
    if (!worries) continue
    return { companyId, companyName: b.companyName, appointmentId: created.data!.id, worries, offerNumber: b.offers[0]!.number, cancelBy: b.nextCancelBy.cancelBy }
  }
  throw new Error('no demo customer with an open offer and a cancel-by date ahead')
}

/** Waits until the prefetch has kept the appointment's briefing in IndexedDB (looking without creating anything). */
async function waitForKept(page: Page, appointmentId: string) {
  await expect.poll(() => page.evaluate(async (id) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'kundenreise-briefings')) return false
    return new Promise<boolean>((resolve) => {
      const open = indexedDB.open('kundenreise-briefings')
      open.onerror = () => resolve(false)
      open.onsuccess = () => {
        const db = open.result
        if (!db.objectStoreNames.contains('briefings')) {
          db.close()
          return resolve(false)
        }
        const get = db.transaction('briefings').objectStore('briefings').get(id)
        get.onsuccess = () => {
          db.close()
          resolve(Boolean(get.result))
        }
        get.onerror = () => {
          db.close()
          resolve(false)
        }
      }
    })
  }, appointmentId), { timeout: 20_000 }).toBe(true)
}

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ')
const german = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`

// The browser reports each request refused while offline (the app's reads fail calmly): expected, not an error.
test.afterEach(({ consoleErrors }) => {
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e)))
})

test('offline: the visit briefing of a demo customer opens and its PDF holds the worries, the open offer and the cancel-by date', async ({ page, app, consoleErrors: _ }, info) => {
  const picked = await demoCustomerWithVisit(app)
  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, '/companies')
  await waitForKept(page, picked.appointmentId)

  await page.context().setOffline(true)
  // The app is loaded; the rep opens the briefing from within it (the route is in the loaded bundle).
  await page.evaluate((hash) => { location.hash = hash }, `#/companies/${picked.companyId}/briefing?appointmentId=${picked.appointmentId}`)
  await expect(page.getByRole('heading', { level: 1, name: `Besuchsvorbereitung: ${picked.companyName}` })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Offline – Stand vom \d\d\.\d\d\.\d{4}, \d\d:\d\d$/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Offene Angebote' })).toContainText(picked.offerNumber)
  await expect(page.getByRole('region', { name: 'Verträge' })).toContainText(german(picked.cancelBy))

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Als PDF' }).dblclick()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Besuchsvorbereitung-.*\.pdf$/)
  const file = info.outputPath('briefing.pdf')
  await download.saveAs(file)
  const text = pdfText(file)
  expect(text).toContain(picked.worries)
  expect(text).toContain(picked.offerNumber)
  expect(text).toContain(german(picked.cancelBy))
  expect(text).toContain(picked.companyName)
  mkdirSync(SHOTS, { recursive: true })
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(SHOTS, 'briefing-pdf')])
  await page.screenshot({ path: path.join(SHOTS, 'briefing-offline.png') })
  await page.context().setOffline(false)
})

test('online: the briefing page in German and English at 1280×720', async ({ page, app, consoleErrors: _ }) => {
  const picked = await demoCustomerWithVisit(app)
  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, `/companies/${picked.companyId}/briefing?appointmentId=${picked.appointmentId}`)
  await expect(page.getByRole('heading', { level: 1, name: `Besuchsvorbereitung: ${picked.companyName}` })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Wer dabei ist' })).toContainText(picked.worries)
  await expect(page.getByRole('region', { name: /^Termin: / })).toContainText('Besuch zur Verlängerung')
  await expect(page.getByText(/^Nächste Kündigungsfrist: /)).toBeVisible()
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, 'briefing-de.png') })
  await page.getByRole('region', { name: 'Offene Angebote' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(SHOTS, 'briefing-de-2.png') })
  await page.getByRole('region', { name: 'Letzte Kontakte' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(SHOTS, 'briefing-de-3.png') })

  await page.getByLabel('Sprache').selectOption('en')
  await expect(page.getByRole('heading', { level: 1, name: `Visit briefing: ${picked.companyName}` })).toBeVisible()
  await expect(page.getByText(/^Next cancel-by date: /)).toBeVisible()
  await page.screenshot({ path: path.join(SHOTS, 'briefing-en.png') })
  await page.getByLabel('Language').selectOption('de')
})
