// Issue 17 end to end across laptops and the real sync server (de-DE, 1280×720): on Anna's laptop a customer with a
// good score gets two complaints and a detractor's answer through the forms; the score turns red with those reasons,
// her work list holds the trigger's task once, the dashboard lists the account. After syncing back and forth, her
// second laptop and her colleague Ben's laptop show the same score, the same reasons, and exactly one task and one
// firing per warning: each laptop fires on the facts it pulls too, and the derived ids must make that one record.
import type { Page } from '@playwright/test'
import { startServerProcess } from '../helpers/server-process'
import { expect, openApp, test, type AppServer } from './fixtures'
import { connect, secondLaptop, syncNow, type Laptop } from './sync-helpers'
import { logAnswer, logComplaint } from './health-helpers'

const COMPANY = 'Weserwerft Technik GmbH'
const HEALTH_TASK = 'Gesundheitswert kritisch: Gründe mit dem Kunden klären'
const VIEWPORT = { width: 1280, height: 720 }

async function must<T>(app: AppServer, channel: string, input: unknown): Promise<T> {
  const answer = await app.api<T>(channel, input)
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
  return answer.data!
}

interface Firing { id: string; signal: string; firedOn: string; messageKey: string; messageParams: unknown; taskId: string | null; taskStatus: string | null; assigneeName: string }
interface Task { id: string; title: string; notes: string; dueDate: string; ownerId: string; status: string; priority: string }

/** What a laptop holds for the customer: its firings and tasks (sorted by id), and its score. */
async function warnings(app: AppServer, companyId: string) {
  const firings = (await must<Firing[]>(app, 'triggerFirings.list', { companyId })).sort((a, b) => a.id.localeCompare(b.id))
  const tasks = (await must<Task[]>(app, 'tasks.list', { companyId, status: 'all' })).sort((a, b) => a.id.localeCompare(b.id))
    .map((t) => ({ id: t.id, title: t.title, notes: t.notes, dueDate: t.dueDate, ownerId: t.ownerId, status: t.status, priority: t.priority }))
  const health = await must<{ score: number | null; light: string | null; reasons: unknown[] }>(app, 'health.get', { companyId })
  return { firings, tasks, health: { score: health.score, light: health.light, reasons: health.reasons } }
}

/** Exactly one firing of each signal that fired, each with its own task, one task titled for the low score. */
function expectOnceEach(held: Awaited<ReturnType<typeof warnings>>) {
  expect(held.firings.map((f) => f.signal).sort()).toEqual(['complaints', 'detractor', 'health_low'])
  expect(held.firings.every((f) => f.taskId !== null)).toBe(true)
  expect(held.tasks).toHaveLength(3)
  expect(held.tasks.filter((t) => t.title === HEALTH_TASK)).toHaveLength(1)
}

/** A customer of the signed-in user, spoken to today: healthy. */
async function healthyCustomer(app: AppServer): Promise<string> {
  const company = await must<{ id: string }>(app, 'companies.create', { name: COMPANY, status: 'customer', street: 'Hafenstraße 4', postalCode: '28217', city: 'Bremen', federalState: 'HB', segment: 'mid_market' })
  await must(app, 'touchpoints.create', { companyId: company.id, occurredAt: new Date().toISOString(), channel: 'phone', direction: 'outbound', mode: 'direct', station: 'usage', summary: 'Quartalsgespräch' })
  return company.id
}

/** The work list with "Wessen Einträge: Meine" (or "Team") chosen: the entries of the trigger's task on it. */
async function workListTask(page: Page, app: AppServer, who: 'Meine' | 'Team') {
  await openApp(page, app, '/follow-ups')
  // The counts appear above the chips once the list has loaded; clicking before would meet a chip about to move.
  await expect(page.getByText(/^\d+ überfällig, \d+ heute$/)).toBeVisible()
  const chip = page.getByRole('group', { name: 'Wessen Einträge' }).getByRole('button', { name: who })
  await chip.click()
  await expect(chip).toHaveAttribute('aria-pressed', 'true')
  return page.getByRole('listitem', { name: new RegExp(HEALTH_TASK) })
}

test.use({ viewport: VIEWPORT, locale: 'de-DE' })

test('the red score, its reasons and exactly one task per warning reach a second laptop of the owner and a colleague\'s laptop through the sync server', async ({ page, app, browser, consoleErrors }) => {
  test.setTimeout(180_000)
  const server = await startServerProcess()
  const laptops: Laptop[] = []
  try {
    await openApp(page, app, '/settings')
    await connect(page, server, 'anna', 'Anna Becker')
    const annaB = await secondLaptop(browser, VIEWPORT)
    laptops.push(annaB)
    await openApp(annaB.page, annaB.app, '/settings')
    await connect(annaB.page, server, 'anna', 'Anna Becker')
    const ben = await secondLaptop(browser, VIEWPORT)
    laptops.push(ben)
    await openApp(ben.page, ben.app, '/settings')
    await connect(ben.page, server, 'ben', 'Ben Schulz')

    // Laptop A, signed in as Anna: her customer, spoken to this week, is healthy.
    const companyId = await healthyCustomer(app)
    await openApp(page, app, `/companies/${companyId}`)
    const health = page.getByRole('region', { name: 'Kundengesundheit' })
    await expect(health.getByText('100 von 100')).toBeVisible()
    await expect(health.getByTitle('Ampel: grün')).toBeVisible()

    // Two complaints and a detractor's answer, typed through the forms (a double click saves once).
    for (const subject of ['Prüfstand zeigt falsche Drücke', 'Lieferung unvollständig']) await logComplaint(page, app, companyId, subject)
    await logAnswer(page, app, companyId, 3)

    // Red, with the complaints first among the reasons and the answer among them.
    await expect(health.getByTitle('Ampel: rot')).toBeVisible()
    const reasons = health.getByRole('list', { name: 'Health Score' })
    await expect(reasons.getByRole('listitem').first()).toHaveText('2 Reklamationen in 12 Monaten, 2 offen')
    await expect(reasons).toContainText('NPS 3')
    const scoreText = (await health.getByText(/^\d+ von 100$/).textContent())!
    const onA = await warnings(app, companyId)
    expect(scoreText).toBe(`${onA.health.score} von 100`)
    expect(onA.health.light).toBe('red')
    expectOnceEach(onA)

    await expect(await workListTask(page, app, 'Meine')).toHaveCount(1)
    await openApp(page, app, '/dashboard')
    const atRisk = page.getByRole('region', { name: 'Gefährdete Kunden' })
    await expect(atRisk.getByText('1 Kunde mit rotem Gesundheitswert')).toBeVisible()
    await expect(atRisk.getByRole('row', { name: new RegExp(COMPANY) })).toContainText('NPS 3')

    // Both directions: A pushes, the others pull (and fire on what they pull), A pulls what they pushed, again.
    for (let round = 0; round < 2; round++) {
      await syncNow(page)
      for (const laptop of laptops) await syncNow(laptop.page)
    }
    await expect(page.getByRole('status', { name: 'Verbindung zum Sync-Server' })).not.toContainText('ausstehend')

    // Anna's second laptop: the same score, light and first reason; her work list holds the task once.
    await openApp(annaB.page, annaB.app, `/companies/${companyId}`)
    const healthB = annaB.page.getByRole('region', { name: 'Kundengesundheit' })
    await expect(healthB.getByText(scoreText, { exact: true })).toBeVisible()
    await expect(healthB.getByTitle('Ampel: rot')).toBeVisible()
    await expect(healthB.getByRole('list', { name: 'Health Score' }).getByRole('listitem').first()).toHaveText('2 Reklamationen in 12 Monaten, 2 offen')
    await expect(healthB.getByRole('list', { name: 'Health Score' })).toContainText('NPS 3')
    const firingsB = annaB.page.getByRole('region', { name: 'Frühwarnungen' }).getByRole('table', { name: 'Frühwarnungen' })
    await expect(firingsB.getByRole('row')).toHaveCount(4)
    await healthB.scrollIntoViewIfNeeded()
    await annaB.page.screenshot({ path: test.info().outputPath('health-sync-laptop-b-de.png') })
    await firingsB.scrollIntoViewIfNeeded()
    await annaB.page.screenshot({ path: test.info().outputPath('health-sync-laptop-b-firings-de.png') })
    await expect(await workListTask(annaB.page, annaB.app, 'Meine')).toHaveCount(1)
    await annaB.page.screenshot({ path: test.info().outputPath('health-sync-laptop-b-worklist-de.png') })
    await openApp(annaB.page, annaB.app, '/dashboard')
    await expect(annaB.page.getByRole('region', { name: 'Gefährdete Kunden' }).getByRole('row', { name: new RegExp(COMPANY) })).toContainText('NPS 3')

    // Ben (inside sales, same team): the same score on the company page and the same three warnings, Anna's tasks.
    await openApp(ben.page, ben.app, `/companies/${companyId}`)
    const healthBen = ben.page.getByRole('region', { name: 'Kundengesundheit' })
    await expect(healthBen.getByText(scoreText, { exact: true })).toBeVisible()
    await expect(healthBen.getByTitle('Ampel: rot')).toBeVisible()
    const firingsBen = ben.page.getByRole('region', { name: 'Frühwarnungen' }).getByRole('table', { name: 'Frühwarnungen' })
    await expect(firingsBen.getByRole('row')).toHaveCount(4)
    await expect(firingsBen.getByRole('row', { name: /Gesundheitswert kritisch/ })).toContainText('Anna Becker')
    await healthBen.scrollIntoViewIfNeeded()
    await ben.page.screenshot({ path: test.info().outputPath('health-sync-laptop-ben-de.png') })
    await expect(await workListTask(ben.page, ben.app, 'Team')).toHaveCount(1)
    // His own list is empty: the tasks are the owner's (the heading's count proves his list has loaded).
    const bensOwn = await workListTask(ben.page, ben.app, 'Meine')
    await expect(ben.page.getByText('0 überfällig, 0 heute')).toBeVisible()
    await expect(bensOwn).toHaveCount(0)

    // Every laptop holds the same rows: one firing and one task each, no laptop's own second copy.
    const after = { a: await warnings(app, companyId), b: await warnings(annaB.app, companyId), ben: await warnings(ben.app, companyId) }
    expectOnceEach(after.a)
    expect(after.a).toEqual(onA)
    expect(after.b).toEqual(after.a)
    expect(after.ben).toEqual(after.a)

    void consoleErrors
    for (const laptop of laptops) expect(laptop.consoleErrors, 'console errors on another laptop').toEqual([])
  } finally {
    for (const laptop of laptops) await laptop.close()
    await server.cleanup()
  }
})
