// Issue 19 end to end (de-DE, 1280×720): the real sync server, configured through its environment with a real
// service mailbox (Dovecot) and a real SMTP sink, serves the service form; a customer fills it in Chromium (German,
// and the English page is shown too) and gets the acknowledgement with the case number; a mail to the service
// mailbox becomes a case too. Sven's laptop (service, team Nord, owner of the customer) syncs and both are cases on
// his service work list. A request from an unknown sender waits in the triage list ("Eingang Service"), where Sven
// makes it a case of the customer.
import { startDovecot } from '../helpers/dovecot'
import { startServerProcess } from '../helpers/server-process'
import { startSmtpSink } from '../helpers/smtp-sink'
import { expect, must, openApp, test } from './fixtures'
import { connect, syncNow } from './sync-helpers'

test.use({ viewport: { width: 1280, height: 720 }, locale: 'de-DE' })

test('a request sent through the web form becomes a case on the service work list after sync; an unknown sender\'s waits in triage', async ({ page, app, consoleErrors, browser }) => {
  test.setTimeout(150_000)
  const sink = await startSmtpSink()
  const dovecot = await startDovecot()
  const server = await startServerProcess({
    users: [{ login: 'sven', name: 'Sven Hansen', role: 'service', team: 'Vertrieb Nord' }],
    env: {
      INTAKE_IMAP_HOST: '127.0.0.1', INTAKE_IMAP_PORT: String(dovecot.port), INTAKE_IMAP_SECURITY: 'none', INTAKE_IMAP_USER: dovecot.account.user, INTAKE_IMAP_PASSWORD: dovecot.account.password,
      INTAKE_SMTP_HOST: '127.0.0.1', INTAKE_SMTP_PORT: String(sink.port), INTAKE_SMTP_SECURITY: 'none', INTAKE_MAIL_FROM: 'Service <service@kuehltechnik.example>', INTAKE_POLL_SECONDS: '5',
    },
  })
  try {
    await openApp(page, app, '/settings')
    await connect(page, server, 'sven', 'Sven Hansen')
    const company = await must(app, 'companies.create', { name: 'Kühlhaus Nord GmbH', status: 'customer', customerNumber: 'K-1001', city: 'Bremen', federalState: 'HB', segment: 'mid_market' })
    await must(app, 'contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Jens', lastName: 'Kruse', language: 'de', email: 'jens.kruse@kuehlhaus.example' })
    await syncNow(page)

    // The customer's browser: the form as the company's website embeds it.
    const customer = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 720 } })
    const form = await customer.newPage()
    await form.goto(`${server.url}/intake/v1/service-form?lang=en`)
    await expect(form.getByRole('heading', { name: 'Service request' })).toBeVisible()
    await expect(form.getByLabel('E-mail address')).toBeVisible()
    await form.screenshot({ path: 'docs/screenshots/service-form-en.png' })
    await form.goto(`${server.url}/intake/v1/service-form`)
    await expect(form.getByRole('heading', { name: 'Serviceanfrage' })).toBeVisible()
    await form.getByLabel('Name').fill('Jens Kruse')
    await form.getByLabel('E-Mail-Adresse').fill('jens.kruse-kuehlhaus.example')
    await form.getByLabel('Betreff').fill('Kältemaschine Halle 2 kühlt nicht')
    await form.getByLabel('Beschreibung').fill('Seit heute 6 Uhr keine Kühlung, Fehlercode E42.')
    // A typo in the address and no consent: both named at their fields, what was typed kept.
    await form.getByRole('button', { name: 'Anfrage senden' }).click()
    await expect(form.getByRole('alert')).toHaveText('Bitte prüfen Sie die markierten Felder.')
    await expect(form.getByText('Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@firma.de.')).toBeVisible()
    await expect(form.getByText('Bitte stimmen Sie der Verarbeitung zu.')).toBeVisible()
    await expect(form.getByLabel('Betreff')).toHaveValue('Kältemaschine Halle 2 kühlt nicht')
    await form.getByLabel('E-Mail-Adresse').fill('jens.kruse@kuehlhaus.example')
    await form.getByLabel(/Ich bin einverstanden/).check()
    await form.screenshot({ path: 'docs/screenshots/service-form-de.png' })
    await form.getByRole('button', { name: 'Anfrage senden' }).click()
    await expect(form.getByRole('status')).toHaveText('Vielen Dank! Ihre Anfrage ist eingegangen. Sie erhalten eine Bestätigung per E-Mail.')

    // A second request, from an address nobody knows, with a customer number nobody holds.
    await form.goto(`${server.url}/intake/v1/service-form`)
    await form.getByLabel('Name').fill('Petra Neu')
    await form.getByLabel('E-Mail-Adresse').fill('petra.neu@unbekannt.example')
    await form.getByLabel('Kundennummer (falls bekannt)').fill('K-9999')
    await form.getByLabel('Betreff').fill('Ersatzteile für Verdichter')
    await form.getByLabel('Beschreibung').fill('Welche Ersatzteile haben Sie auf Lager?')
    await form.getByLabel(/Ich bin einverstanden/).check()
    await form.getByRole('button', { name: 'Anfrage senden' }).click()
    await expect(form.getByRole('status')).toContainText('Vielen Dank!')
    await customer.close()

    // The acknowledgement reaches the customer with the case number (the server's round, every 5 s here).
    await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(1)
    expect(sink.received[0]!.to).toEqual(['jens.kruse@kuehlhaus.example'])
    expect(sink.received[0]!.subject).toBe('Ihre Serviceanfrage S-2026-INBOX-0001: Kältemaschine Halle 2 kühlt nicht')
    // A mail to the service mailbox naming the customer number becomes a case too.
    await dovecot.append('INBOX', ['From: Einkauf Kühlhaus <einkauf@kuehlhaus.example>', 'To: service@kuehltechnik.example', 'Subject: Wartung Verdichter',
      'Message-ID: <wartung-1@kuehlhaus.example>', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', 'Kundennummer K-1001, bitte Termin für die Wartung.', ''].join('\r\n'))
    await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(2)
    expect(sink.received[1]!.subject).toBe('Ihre Serviceanfrage S-2026-INBOX-0002: Wartung Verdichter')

    // Sven syncs: both cases are on his service work list, with the server's numbers.
    await syncNow(page)
    await page.getByRole('link', { name: 'Servicefälle' }).click()
    const mine = page.getByRole('table', { name: /Meine offenen Fälle/ })
    await expect(mine.getByRole('row', { name: /Kältemaschine Halle 2 kühlt nicht/ })).toContainText('S-2026-INBOX-0001')
    await expect(mine.getByRole('row', { name: /Kältemaschine Halle 2 kühlt nicht/ })).toContainText('Kühlhaus Nord GmbH')
    await expect(mine.getByRole('row', { name: /Wartung Verdichter/ })).toContainText('S-2026-INBOX-0002')

    // The unknown sender's request waits in triage; Sven makes it a case of Kühlhaus Nord.
    await page.getByRole('link', { name: 'Eingang Service' }).click()
    await expect(page.getByRole('heading', { name: 'Serviceanfragen ohne Kunde', level: 1 })).toBeVisible()
    const request = page.getByRole('article', { name: 'Ersatzteile für Verdichter' })
    await expect(request.getByText('Kundennummer unbekannt')).toBeVisible()
    await expect(request.getByText('Petra Neu <petra.neu@unbekannt.example>')).toBeVisible()
    await page.screenshot({ path: 'docs/screenshots/service-triage-de.png' })
    // The same list in English.
    await page.getByLabel('Sprache').selectOption('en')
    await expect(page.getByRole('heading', { name: 'Service requests without a customer', level: 1 })).toBeVisible()
    await expect(request.getByText('Unknown customer number')).toBeVisible()
    await expect(request.getByRole('button', { name: 'Create case' })).toBeVisible()
    await page.screenshot({ path: 'docs/screenshots/service-triage-en.png' })
    await page.getByLabel('Language').selectOption('de')
    await expect(request.getByRole('button', { name: 'Fall anlegen' })).toBeVisible()
    await request.getByLabel('Kunde').fill('Kühlhaus Nord GmbH')
    await expect(request.getByRole('button', { name: 'Fall anlegen' })).toBeEnabled()
    await request.getByRole('button', { name: 'Fall anlegen' }).click()
    await expect(page.getByText(/^Fall S-2026-[0-9A-Z]{5}-0001 angelegt\./)).toBeVisible()
    await expect(page.getByText('Keine offenen Anfragen.')).toBeVisible()
    await syncNow(page)
    await page.getByRole('link', { name: 'Servicefälle' }).click()
    await expect(page.getByRole('table', { name: /Meine offenen Fälle/ }).getByRole('row', { name: /Ersatzteile für Verdichter/ })).toBeVisible()
    // Pushed, the case made from triage is acknowledged too, with the laptop's number.
    await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(3)
    expect(sink.received[2]!.to).toEqual(['petra.neu@unbekannt.example'])
    expect(sink.received[2]!.subject).toMatch(/^Ihre Serviceanfrage S-2026-[0-9A-Z]{5}-0001: Ersatzteile für Verdichter$/)
    expect(consoleErrors).toEqual([])
  } finally {
    await server.cleanup()
    await dovecot.stop()
    await sink.close()
  }
})
