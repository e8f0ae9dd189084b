// Tasks (issue 16). The acceptance: inside sales (Ben, laptop A) creates a task for the field rep (Anna,
// laptop B) by clicking through the company page — the due day typed "TT.MM.JJJJ", a double click on
// "Speichern" makes one task; after a sync it is on Anna's work list; she completes it with an outcome in her
// browser; the touchpoint is on the customer's timeline on both laptops. Two web-mode apps with their own
// databases and the real sync server. And the work list's filters: mine / team, overdue / this week.
import type { Page } from '@playwright/test'
import { SERVER_PASSWORD, startServerProcess } from '../helpers/server-process'
import { createAppServer, expect, openApp, test, type AppServer } from './fixtures'

const must = async <T = { id: string }>(laptop: AppServer, channel: string, input: unknown): Promise<T> => {
  const answer = await laptop.api<T>(channel, input)
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
  return answer.data!
}

/** A day `days` after today in Berlin, as the app's ISO day and as a German user types it. */
function dayAfter(days: number): { iso: string; typed: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' })
  return { iso, typed: `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` }
}

async function customerOn(laptop: AppServer) {
  const company = await must(laptop, 'companies.create', { name: 'Brunsviga Maschinenbau GmbH', status: 'customer', street: 'Hauptstraße 1', postalCode: '38100', city: 'Braunschweig', federalState: 'NI' })
  const contact = await must(laptop, 'contacts.create', { companyId: company.id, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de', phone: '+49 531 1234' })
  return { company, contact }
}

const timelineOf = (page: Page) => page.getByRole('list', { name: 'Verlauf' })

test('a task made by inside sales for the field rep reaches her laptop, is done there, and is on both timelines', async ({ page, app, browser, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(180_000)
  const server = await startServerProcess()
  const rep = await createAppServer()
  const repContext = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  try {
    await must(app, 'sync.connect', { serverUrl: server.url, login: 'ben', password: SERVER_PASSWORD })
    await must(rep, 'sync.connect', { serverUrl: server.url, login: 'anna', password: SERVER_PASSWORD })
    const { company } = await customerOn(app)
    await must(app, 'sync.now', {})
    await must(rep, 'sync.now', {})

    // Laptop A, inside sales: company page → "Aufgabe anlegen".
    await page.setViewportSize({ width: 1280, height: 720 })
    await openApp(page, app, `/companies/${company.id}`)
    const panel = page.getByRole('region', { name: 'Aufgaben' })
    await expect(panel.getByText('Keine offenen Aufgaben.')).toBeVisible()
    await panel.getByRole('link', { name: 'Aufgabe anlegen' }).click()
    const form = page.getByRole('form', { name: 'Neue Aufgabe' })
    await form.getByLabel('Was ist zu tun?').fill('Frau Berger zurückrufen')
    const due = dayAfter(2)
    await form.getByRole('textbox', { name: 'Fällig am' }).fill(due.typed)
    await form.getByRole('textbox', { name: 'Uhrzeit' }).fill('10:30')
    await form.getByRole('combobox', { name: 'Priorität' }).selectOption({ label: 'Hoch' })
    await form.getByRole('combobox', { name: 'Zuständig' }).selectOption({ label: 'Anna Becker' })
    await form.getByRole('combobox', { name: 'Ansprechpartner' }).selectOption({ label: 'Anna Berger' })
    await form.getByRole('textbox', { name: 'Fällig am' }).blur()
    await expect(form.getByRole('textbox', { name: 'Fällig am' })).toHaveValue(due.typed)
    await page.screenshot({ path: test.info().outputPath('task-form-de.png') })
    await form.getByRole('button', { name: 'Speichern' }).dblclick()

    // Back on the company page: one task, in the panel.
    await expect(page.getByRole('heading', { level: 1, name: 'Brunsviga Maschinenbau GmbH' })).toBeVisible()
    const row = panel.getByRole('table', { name: 'Offene Aufgaben' }).getByRole('row').filter({ hasText: 'Frau Berger zurückrufen' })
    await expect(row).toContainText('Anna Becker')
    await expect(row).toContainText('10:30')
    await panel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath('company-tasks-panel-de.png') })
    const tasks = await must<Array<{ id: string; ownerName: string; dueDate: string }>>(app, 'tasks.list', { companyId: company.id, status: 'all' })
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({ ownerName: 'Anna Becker', dueDate: due.iso })

    await must(app, 'sync.now', {})
    await must(rep, 'sync.now', {})

    // Laptop B, the rep: her work list, "Meine".
    const repPage = await repContext.newPage()
    await openApp(repPage, rep, '/follow-ups')
    await repPage.getByRole('group', { name: 'Wessen Einträge' }).getByRole('button', { name: 'Meine' }).click()
    await expect(repPage.getByRole('button', { name: 'Meine' })).toHaveAttribute('aria-pressed', 'true')
    const entry = repPage.getByRole('listitem', { name: 'Aufgabe „Frau Berger zurückrufen“ – Brunsviga Maschinenbau GmbH' })
    await expect(entry).toContainText('Aufgabe · 10:30 Uhr · Priorität Hoch · von Ben Schulz')
    await expect(entry).toContainText('Anna Berger · +49 531 1234')
    await repPage.screenshot({ path: test.info().outputPath('worklist-tasks-de.png') })
    await entry.getByRole('button', { name: 'Erledigt' }).click()
    await entry.getByLabel('Ergebnis').fill('Angebot besprochen, Entscheidung im Januar')
    await entry.getByRole('button', { name: 'Speichern' }).dblclick()
    await expect(entry).toHaveCount(0)
    expect(await must<unknown[]>(rep, 'tasks.list', { companyId: company.id, status: 'open' })).toEqual([])

    await must(rep, 'sync.now', {})
    await must(app, 'sync.now', {})
    const line = 'Aufgabe erledigt: Frau Berger zurückrufen – Angebot besprochen, Entscheidung im Januar'
    await openApp(repPage, rep, `/companies/${company.id}`)
    await expect(timelineOf(repPage)).toContainText(line)
    await page.reload()
    await expect(timelineOf(page)).toContainText(line)
    await expect(page.getByRole('region', { name: 'Aufgaben' }).getByText('Keine offenen Aufgaben.')).toBeVisible()
    const touchpoints = await must<Array<{ id: string }>>(app, 'timeline.forRecord', { relatedType: 'task', relatedId: tasks[0]!.id })
    expect(touchpoints).toHaveLength(1)
    await timelineOf(page).scrollIntoViewIfNeeded()
    await page.screenshot({ path: test.info().outputPath('company-timeline-de.png') })

    // "Wiedervorlage" from that touchpoint: the form for the same customer and contact.
    await timelineOf(page).getByRole('link', { name: 'Wiedervorlage zu diesem Kontaktpunkt anlegen' }).first().click()
    const again = page.getByRole('form', { name: 'Neue Aufgabe' })
    await expect(again.getByText('Wiedervorlage zu einem Kontaktpunkt')).toBeVisible()
    await expect(again.getByRole('combobox', { name: 'Ansprechpartner' })).toHaveValue(/.+/)
  } finally {
    await repContext.close()
    await rep.cleanup()
    await server.cleanup()
  }
})

test('the work list filters: mine / team, overdue / this week; a task without a customer is picked on the form', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.restart({ today: '2026-11-30' }) // a Monday
  const { company } = await customerOn(app)
  const me = (await must<{ currentUserId: string }>(app, 'settings.get', {})).currentUserId
  const users = await must<Array<{ id: string; displayName: string }>>(app, 'users.list', {})
  const colleague = users.find((u) => u.id !== me)
  const base = { companyId: company.id, priority: 'normal' }
  await must(app, 'tasks.create', { ...base, title: 'Muster schicken', dueDate: '2026-11-30' })
  await must(app, 'tasks.create', { ...base, title: 'Prospekt schicken', dueDate: '2026-12-03', dueTime: '14:00', priority: 'high' })
  await must(app, 'tasks.create', { ...base, title: 'Jahresgespräch vorbereiten', dueDate: '2026-12-09' })
  if (colleague) await must(app, 'tasks.create', { ...base, title: 'Für den Kollegen', dueDate: '2026-12-03', ownerId: colleague.id })
  await app.restart({ today: '2026-12-02' }) // Wednesday: the first one is overdue

  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, '/follow-ups')
  const titles = () => page.getByRole('main').getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''))
  const when = page.getByRole('group', { name: 'Fälligkeit' })
  await expect(page.getByRole('listitem', { name: /Muster schicken/ })).toBeVisible()
  expect((await titles()).filter((t) => t.startsWith('Aufgabe')).length).toBe(colleague ? 4 : 3)

  await when.getByRole('button', { name: 'Überfällig' }).click()
  await expect(page.getByRole('listitem', { name: /Prospekt schicken/ })).toHaveCount(0)
  expect((await titles()).filter((t) => t.startsWith('Aufgabe'))).toEqual(['Aufgabe „Muster schicken“ – Brunsviga Maschinenbau GmbH'])

  await when.getByRole('button', { name: 'Diese Woche' }).click()
  await expect(page.getByRole('listitem', { name: /Prospekt schicken/ })).toBeVisible()
  await expect(page.getByRole('listitem', { name: /Jahresgespräch/ })).toHaveCount(0)
  await expect(page.getByRole('listitem', { name: /Prospekt schicken/ })).toContainText('Hoch')

  if (colleague) {
    await expect(page.getByRole('listitem', { name: /Für den Kollegen/ })).toBeVisible()
    await page.getByRole('group', { name: 'Wessen Einträge' }).getByRole('button', { name: 'Meine' }).click()
    await expect(page.getByRole('listitem', { name: /Für den Kollegen/ })).toHaveCount(0)
    await expect(page.getByRole('listitem', { name: /Prospekt schicken/ })).toBeVisible()
  }
  await when.getByRole('button', { name: 'Alle' }).click()
  await expect(page.getByRole('listitem', { name: /Jahresgespräch/ })).toBeVisible()

  // "Neue Aufgabe" from the work list: the customer is picked; a repeating task needs an end.
  await page.getByRole('link', { name: 'Neue Aufgabe' }).click()
  const form = page.getByRole('form', { name: 'Neue Aufgabe' })
  await form.getByLabel('Kunde').fill('Brunsviga Maschinenbau GmbH')
  await form.getByLabel('Was ist zu tun?').fill('Key-Account-Call')
  await form.getByRole('textbox', { name: 'Fällig am' }).fill('07.12.2026')
  await form.getByRole('combobox', { name: 'Wiederholung' }).selectOption({ label: 'Monatlich' })
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(form.getByRole('alert').filter({ hasText: 'Eine wiederkehrende Aufgabe braucht ein Enddatum oder eine Anzahl.' })).toBeVisible()
  await form.getByRole('textbox', { name: 'oder nach … Aufgaben' }).fill('6')
  await form.getByRole('button', { name: 'Speichern' }).dblclick()
  await expect(page.getByRole('heading', { level: 1, name: 'Nachfassen' })).toBeVisible()
  const created = await must<Array<{ title: string; recurrence: string; recurrenceCount: number }>>(app, 'tasks.list', { companyId: company.id })
  expect(created.filter((t) => t.title === 'Key-Account-Call')).toMatchObject([{ recurrence: 'monthly', recurrenceCount: 6 }])

  // The same list in English.
  await must(app, 'settings.update', { language: 'en' })
  await openApp(page, app, '/follow-ups')
  await expect(page.getByRole('group', { name: 'Whose entries' })).toBeVisible()
  await expect(page.getByRole('listitem', { name: /Task “Prospekt schicken”/ })).toContainText('Task · 14:00 · High priority')
  await page.screenshot({ path: test.info().outputPath('worklist-tasks-en.png') })
})

test('a long section shows its first 50 entries with the full count, and "Weitere anzeigen" brings the rest', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  await app.restart({ today: '2026-11-30' })
  const { company } = await customerOn(app)
  for (let n = 1; n <= 53; n += 1) await must(app, 'tasks.create', { companyId: company.id, title: `Rückruf ${n}`, dueDate: '2026-12-01', priority: 'normal' })
  await app.restart({ today: '2026-12-03' })

  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, '/follow-ups')
  const overdue = page.getByRole('region', { name: 'Überfällig' })
  await expect(overdue.getByRole('heading', { name: 'Überfällig (53)' })).toBeVisible()
  await expect(page.getByText('53 überfällig, 0 heute')).toBeVisible()
  await expect(overdue.getByRole('listitem')).toHaveCount(50)
  await expect(overdue.getByText('50 von 53 angezeigt')).toBeVisible()
  await overdue.getByRole('button', { name: 'Weitere anzeigen' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('worklist-more-de.png') })
  await overdue.getByRole('button', { name: 'Weitere anzeigen' }).dblclick()
  await expect(overdue.getByRole('listitem')).toHaveCount(53)
  await expect(overdue.getByText('angezeigt')).toHaveCount(0)
  await expect(overdue.getByRole('button', { name: 'Weitere anzeigen' })).toHaveCount(0)
})
