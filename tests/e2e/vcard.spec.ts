// Contacts out: a contact's vCard downloaded from its page and parsed by ical.js; the contact list offers
// the filtered list as one vCard file next to CSV and Excel.
import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { expect, openApp, test } from './fixtures'

async function seed(app: Parameters<typeof openApp>[1]) {
  const company = await app.api<{ id: string }>('companies.create', { name: 'Müller; Söhne, Gärtnerei', status: 'customer', street: 'Hauptstraße 1', postalCode: '38100', city: 'Braunschweig' })
  if (!company.ok || !company.data) throw new Error('company not created')
  const contact = await app.api<{ id: string }>('contacts.create', {
    companyId: company.data.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Müller', jobFunction: 'Einkauf',
    email: 'anna.mueller@example.de', phone: '0531 123-45', mobile: '0170 1234567', language: 'de', buyingRole: 'purchaser',
  })
  if (!contact.ok || !contact.data) throw new Error('contact not created')
  expect((await app.api('contacts.create', { companyId: company.data.id, salutation: 'mr', firstName: 'Jan', lastName: 'Özdemir', language: 'de', buyingRole: 'user' })).ok).toBe(true)
  return { companyId: company.data.id, contactId: contact.data.id }
}

test('a contact exported as vCard from its page parses with ical.js', async ({ page, app, consoleErrors: _ }) => {
  const { contactId } = await seed(app)
  await openApp(page, app, `/contacts/${contactId}/edit`)
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Als vCard exportieren' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Anna-M.*\.vcf$/)
  const card = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')) as [string, unknown[], unknown[]])
  expect(card.getFirstPropertyValue('version')).toBe('4.0')
  expect(card.getFirstPropertyValue('fn')).toBe('Dr. Anna Müller')
  expect(card.getFirstPropertyValue('n')).toEqual(['Müller', 'Anna', '', 'Dr.', ''])
  expect(card.getFirstPropertyValue('org')).toBe('Müller; Söhne, Gärtnerei')
  expect(card.getFirstPropertyValue('email')).toBe('anna.mueller@example.de')
  expect(card.getFirstPropertyValue('uid')).toBe(`urn:uuid:${contactId}`)
  await expect(page.getByText(/\.vcf mit 1 Kontakt heruntergeladen/)).toHaveAttribute('role', 'status')
})

test('the filtered contact list exported as one vCard file', async ({ page, app, consoleErrors: _ }) => {
  await seed(app)
  await openApp(page, app, '/contacts')
  const table = page.getByRole('table', { name: 'Liste der Ansprechpartner' })
  await page.getByRole('combobox', { name: 'Rolle im Buying Center' }).selectOption({ label: 'Einkauf' })
  await expect(table.getByRole('link', { name: /Özdemir/ })).toBeHidden()
  const downloading = page.waitForEvent('download')
  await page.getByRole('group', { name: 'Exportieren' }).getByRole('button', { name: 'Liste als vCard-Datei exportieren' }).click()
  const text = readFileSync((await (await downloading).path())!, 'utf8')
  expect(text.match(/^BEGIN:VCARD/gm)).toHaveLength(1)
  const card = new ICAL.Component(ICAL.parse(text) as [string, unknown[], unknown[]])
  expect(card.getFirstPropertyValue('fn')).toBe('Dr. Anna Müller')
})

test('a .vcf imported on the contact list: checked first, written on confirmation, then on the company page', async ({ page, app, consoleErrors: _ }) => {
  const company = await app.api<{ id: string }>('companies.create', { name: 'Brunsviga Maschinenbau GmbH', status: 'customer' })
  if (!company.ok || !company.data) throw new Error('company not created')
  const vcf = [
    'BEGIN:VCARD', 'VERSION:3.0', 'N:Müller;Anna;;Dr.;', 'FN:Dr. Anna Müller', 'ORG:Unbekannte Firma', 'EMAIL;TYPE=INTERNET,WORK:anna.mueller@example.de',
    'TEL;TYPE=CELL:0170 1234567', 'END:VCARD',
    'BEGIN:VCARD', 'VERSION:3.0', 'N:Kaputt;Karl;;;', 'ORG:Unbekannte Firma', 'EMAIL:karl(at)example', 'END:VCARD', '',
  ].join('\r\n')
  await openApp(page, app, '/contacts')
  const importer = page.getByRole('region', { name: 'vCard importieren' })
  await importer.getByLabel('vCard-Datei (.vcf)').setInputFiles({ name: 'kontakte.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcf) })
  await expect(importer.getByRole('status')).toContainText('0 neu, 0 aktualisiert, 2 übersprungen. Noch nichts gespeichert.')
  await expect(importer.getByRole('status')).toContainText('Karte 1, Firma: Keine bekannte Firma')

  const picker = importer.getByLabel('Firma für Karten ohne bekannte Firma')
  await picker.fill('Brunsviga Maschinenbau GmbH')
  await expect(importer.getByRole('status')).toContainText('1 neu, 0 aktualisiert, 1 übersprungen. Noch nichts gespeichert.')
  await expect(importer.getByRole('status')).toContainText('Karte 2, E-Mail:')
  expect((await app.api<{ total: number }>('contacts.list', {})).data?.total).toBe(0)

  await importer.getByRole('button', { name: 'Importieren' }).click()
  await expect(importer.getByRole('status')).toContainText('Importiert: 1 neu, 0 aktualisiert, 1 übersprungen.')
  await openApp(page, app, `/companies/${company.data.id}`)
  await expect(page.getByText(/Anna Müller/).first()).toBeVisible()
})
