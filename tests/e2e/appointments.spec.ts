// Appointments (issue 16) as a field rep uses them: planned from the customer's page with the time typed the German
// way ("TT.MM.JJJJ HH:MM", the end following the start), participants ticked, a double click on "Speichern" making
// one; the reminder notice ten minutes before; the invitation downloaded and read by ical.js; the week view; the day
// after, "Bericht fehlt" leads to the visit report, whose follow-up task lands on the work list and whose report
// lands on the customer's timeline. Screenshots of the form, the appointment and the week in German and English.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import ICAL from 'ical.js'
import type { Page } from '@playwright/test'
import { expect, openApp, test, type AppServer } from './fixtures'

const SHOTS = 'docs/screenshots'

async function setUp(app: AppServer) {
  const must = async <T extends { id: string }>(channel: string, input: unknown): Promise<T> => {
    const answer = await app.api<T>(channel, input)
    if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
    return answer.data!
  }
  const company = await must('companies.create', { name: 'Brunsviga Maschinenbau GmbH', status: 'prospect', street: 'Hauptstraße 1', postalCode: '38100', city: 'Braunschweig', federalState: 'NI' })
  await must('contacts.create', { companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de', email: 'a.berger@brunsviga.example', buyingRole: 'decision_maker' })
  await must('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Bernd', lastName: 'Kühn', language: 'de', jobFunction: 'Werkstattleiter' })
  return { company }
}

const appointments = async (app: AppServer) => (await app.api<Array<{ id: string; title: string }>>('appointments.list', {})).data ?? []

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, name) })
}

test('planned from the customer, reminded, invited, in the week, and reported the day after with a follow-up task', async ({ page, app, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(150_000)
  // Wednesday, 2 December 2026, 10:00 in Berlin.
  await app.restart({ today: '2026-12-02' })
  const { company } = await setUp(app)
  await page.setViewportSize({ width: 1280, height: 720 })
  await openApp(page, app, `/companies/${company.id}`)

  const panel = page.getByRole('region', { name: 'Anstehende Termine' })
  await expect(panel).toContainText('Keine anstehenden Termine.')
  await panel.getByRole('link', { name: 'Termin planen' }).click()
  const form = page.getByRole('form', { name: 'Termin planen' })
  await expect(form.getByRole('textbox', { name: 'Ort', exact: true })).toHaveValue('Hauptstraße 1, 38100 Braunschweig')
  await form.getByLabel('Betreff').fill('Besuch Prüfstand')
  await form.getByRole('textbox', { name: 'Beginn' }).fill('02.12.2026 10:10')
  await form.getByRole('textbox', { name: 'Beginn' }).blur()
  await expect(form.getByRole('textbox', { name: 'Ende' })).toHaveValue('02.12.2026 11:10')
  // A typed end before the start is refused at the field, nothing saved.
  await form.getByRole('textbox', { name: 'Ende' }).fill('02.12.2026 09:00')
  await form.getByRole('button', { name: 'Speichern' }).click()
  await expect(form.getByText('Das Ende liegt vor dem Beginn.')).toBeVisible()
  expect(await appointments(app)).toEqual([])
  await form.getByRole('textbox', { name: 'Ende' }).fill('02.12.2026 11:10')
  await form.getByRole('checkbox', { name: /Anna Berger/ }).check()
  await expect(form.getByRole('group', { name: 'Vom Kunden (Buying Center)' })).toContainText('Entscheider')
  await shoot(page, 'appointment-form-de.png')
  await form.getByRole('button', { name: 'Speichern' }).dblclick()

  await expect(page.getByRole('heading', { level: 1, name: 'Besuch Prüfstand' })).toBeVisible()
  await expect(page.getByText(/^Mi\.? 02\.12\.2026, 10:10–11:10 Uhr$/)).toBeVisible()
  await expect(page.locator('.contact-card').filter({ hasText: 'Anna Berger' })).toContainText('a.berger@brunsviga.example')
  const made = await appointments(app)
  expect(made.map((a) => a.title)).toEqual(['Besuch Prüfstand'])
  const id = made[0]!.id

  // Ten minutes before it starts: the reminder (once; dismissed, it stays away).
  const reminder = page.getByRole('alert').filter({ hasText: 'Um 10:10 Uhr: Besuch Prüfstand (Brunsviga Maschinenbau GmbH)' })
  await expect(reminder).toBeVisible()
  await shoot(page, 'appointment-de.png')
  await reminder.getByRole('button', { name: 'Erinnerung ausblenden' }).click()
  await expect(reminder).toBeHidden()

  // The invitation: by mail through the compose page, or as a file that calendars read.
  await expect(page.getByRole('link', { name: 'Einladung senden' })).toHaveAttribute('href', new RegExp(`/mail/compose\\?purpose=appointment_invitation&relatedId=${id}$`))
  await expect(page.getByRole('link', { name: 'Besuchsvorbereitung' })).toHaveAttribute('href', new RegExp(`/companies/${company.id}/briefing\\?appointmentId=${id}$`))
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Einladung als Datei' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('Termin-Besuch-Pruefstand-2026-12-02.ics')
  const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')))
  const event = calendar.getFirstSubcomponent('vevent')!
  expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
  expect(event.getFirstPropertyValue('uid')).toBe(`${id}@kundenreise`)
  expect(String(event.getFirstPropertyValue('dtstart'))).toBe('2026-12-02T09:10:00Z')
  expect(event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase())).toEqual(['mailto:a.berger@brunsviga.example'])

  // My week: Wednesday holds it.
  await page.getByRole('link', { name: 'Woche', exact: true }).click()
  const wednesday = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Mittwoch/ }) })
  await expect(wednesday).toContainText('10:10–11:10 Besuch Prüfstand')
  await expect(wednesday).toContainText('Brunsviga Maschinenbau GmbH · Besuch')
  await shoot(page, 'week-de.png')

  // The day after: the report is missing; written, with a follow-up task.
  await page.goto('about:blank') // the app polls; it must not call a server that is restarting
  await app.restart({ today: '2026-12-03' })
  await openApp(page, app, '/week')
  await page.getByRole('link', { name: 'Bericht fehlt: Besuch Prüfstand' }).click()
  const report = page.getByRole('form', { name: 'Besuchsbericht' })
  await report.getByRole('textbox', { name: 'Bericht', exact: true }).fill('Prüfstand besichtigt, Frau Dr. Berger wünscht ein Angebot für zwei Anlagen.')
  await report.getByRole('button', { name: 'Folgeaufgabe hinzufügen' }).click()
  const followUp = report.getByRole('group', { name: 'Folgeaufgabe 1' })
  await followUp.getByRole('textbox', { name: 'Aufgabe', exact: true }).fill('Angebot schreiben')
  await followUp.getByRole('textbox', { name: 'Fällig am' }).fill('07.12.2026')
  await shoot(page, 'appointment-report-de.png')
  await report.getByRole('button', { name: 'Bericht speichern' }).dblclick()
  await expect(page.getByRole('link', { name: 'Bericht auf der Zeitleiste des Kunden' })).toBeVisible()
  await expect(page.getByText('Berichtet', { exact: true })).toBeVisible()

  await page.getByRole('link', { name: 'Bericht auf der Zeitleiste des Kunden' }).click()
  await expect(page.getByText('Besuchsbericht: Besuch Prüfstand')).toBeVisible()
  await expect(page.getByText('Prüfstand besichtigt, Frau Dr. Berger wünscht ein Angebot für zwei Anlagen.')).toBeVisible()

  // The follow-up task is on my work list (the week shows it on its day too).
  await openApp(page, app, '/week?week=2026-12-07')
  const monday = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Montag/ }) })
  await expect(monday).toContainText('Angebot schreiben')
  await page.getByRole('link', { name: 'Nachfassen', exact: true }).click()
  await expect(page.getByRole('main')).toContainText('Angebot schreiben')

  // English.
  expect((await app.api('settings.update', { language: 'en' })).ok).toBe(true)
  await openApp(page, app, '/week?week=2026-11-30')
  await expect(page.getByRole('heading', { level: 1, name: 'My week' })).toBeVisible()
  await shoot(page, 'week-en.png')
  await openApp(page, app, `/appointments/${id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Besuch Prüfstand' })).toBeVisible()
  await shoot(page, 'appointment-en.png')
  await openApp(page, app, `/appointments/new?companyId=${company.id}`)
  await expect(page.getByRole('form', { name: 'Plan appointment' })).toBeVisible()
  await shoot(page, 'appointment-form-en.png')
})
