// The other DSGVO duties as a user meets them: a consent recorded on the contact (a date typed German) and
// withdrawn, after which the contact list marks the e-mail; the Art. 15 information downloaded from the
// contact as JSON and letter, the JSON read back; the retention review listing an old prospect, kept for a
// year with a double click, and the monthly review completed.
import { readFileSync } from 'node:fs'
import type { Download } from '@playwright/test'
import { expect, openApp, test } from './fixtures'

test('a consent recorded and withdrawn; the contact list marks the e-mail; Art. 15 as JSON and letter', async ({ page, app, consoleErrors: _ }) => {
  const company = await app.api<{ id: string }>('companies.create', { name: 'Messebau Krüger GmbH', status: 'customer' })
  const contact = await app.api<{ id: string }>('contacts.create', { companyId: company.data!.id, salutation: 'ms', firstName: 'Eva', lastName: 'Krüger', email: 'eva@krueger.example', language: 'de' })
  const id = contact.data!.id
  await openApp(page, app, `/contacts/${id}/edit`)
  const consents = page.getByRole('region', { name: 'Einwilligungen (DSGVO)' })
  await expect(consents).toContainText('Keine Einwilligung erfasst.')
  await consents.getByLabel('Kanal').selectOption({ label: 'E-Mail' })
  await consents.getByLabel('Zweck').selectOption({ label: 'Newsletter' })
  await consents.getByLabel('Erteilt am').fill('02.03.2026')
  await consents.getByLabel('Quelle').fill('Messe Hannover 2026')
  await consents.getByRole('button', { name: 'Einwilligung erfassen' }).dblclick()
  await expect(consents.getByRole('status')).toHaveText('Einwilligung gespeichert.')
  const table = consents.getByRole('table', { name: 'Einwilligungen' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('02.03.2026')
  await expect(table).toContainText('Messe Hannover 2026')
  await page.setViewportSize({ width: 1280, height: 720 })
  await consents.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/dsgvo-consents.png' })

  await table.getByRole('button', { name: 'Widerruf erfassen' }).click()
  await consents.getByLabel('Widerrufen am').fill('29.11.2026')
  await consents.getByRole('button', { name: 'Widerruf speichern' }).click()
  await expect(consents.getByRole('status')).toHaveText('Widerruf gespeichert.')
  await expect(table).toContainText('29.11.2026')
  await expect(consents.getByRole('note')).toHaveText('Diese Person hat die Einwilligung in E-Mails widerrufen: keine Werbung per E-Mail.')

  await openApp(page, app, '/contacts')
  const row = page.getByRole('table', { name: 'Liste der Ansprechpartner' }).getByRole('row').filter({ hasText: 'Krüger' })
  await expect(row).toContainText('E-Mail-Einwilligung widerrufen')

  await openApp(page, app, `/contacts/${id}/edit`)
  await page.getByRole('link', { name: 'Auskunft (Art. 15)' }).click()
  await expect(page.getByRole('heading', { name: 'Auskunft nach Art. 15 DSGVO' })).toBeVisible()
  const downloads: Download[] = []
  page.on('download', (d) => downloads.push(d))
  await page.getByRole('button', { name: 'Auskunft erstellen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Auskunft erstellt' })).toBeVisible()
  await expect.poll(() => downloads.length).toBe(2)
  const json = downloads.find((d) => d.suggestedFilename().endsWith('.json'))!
  expect(downloads.some((d) => d.suggestedFilename().endsWith('.docx'))).toBe(true)
  const report = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { person: { lastName: string; email: string } }
  expect(report.person).toMatchObject({ lastName: 'Krüger', email: 'eva@krueger.example' })

  // The request is in the privacy log under Einstellungen (this device is not connected: its one user sees it).
  await openApp(page, app, '/settings')
  const log = page.getByRole('table', { name: 'Datenschutz-Protokoll: Exporte und Auskünfte' })
  await expect(log.getByRole('row').filter({ hasText: 'Auskunft Art. 15' })).toContainText(id)
})

test('the retention review lists an old prospect; kept for a year, it leaves the list; the review completed', async ({ page, app, consoleErrors: _ }) => {
  // A prospect untouched for four years: the fixture's clock is moved ahead for the review.
  const old = await app.api<{ id: string }>('companies.create', { name: 'Alte Anfrage KG', status: 'prospect' })
  expect(old.ok).toBe(true)
  await app.restart({ today: '2030-12-01' })
  await openApp(page, app, '/retention')
  await expect(page.getByRole('heading', { name: 'Aufbewahrung prüfen' })).toBeVisible()
  await expect(page.getByText('Die monatliche Prüfung steht an.')).toBeVisible()
  const due = page.getByRole('table', { name: 'Zur Entscheidung fällig' })
  await expect(due.getByRole('link', { name: 'Alte Anfrage KG' })).toBeVisible()
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: 'test-results/dsgvo-retention.png' })
  await due.getByRole('button', { name: 'Ein Jahr behalten: Alte Anfrage KG' }).dblclick()
  await expect(page.getByText(/„Alte Anfrage KG“ wird bis .* nicht mehr aufgeführt\./)).toBeVisible()
  await expect(page.getByText('Keine Firma ist fällig.')).toBeVisible()
  await page.getByRole('button', { name: 'Prüfung abgeschlossen' }).click()
  await expect(page.getByText(/Zuletzt geprüft am 01\.12\.2030\./)).toBeVisible()
})
