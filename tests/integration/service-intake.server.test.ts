// The service intake on the sync server (issue 19, docs/service-intake.md), on SQLite and PostgreSQL: the web form,
// the API (kind service_requests) and the service mailbox (a real Dovecot) make a case of the customer matched by
// its customer number or the sender's address — synced to the laptops of the customer's team only, on the owner's
// service work list — or an organisation-wide triage row; the acknowledgement goes out through a real SMTP sink and
// a reply to it becomes a note on the case. Every bad input is refused or set aside with nothing written and
// nothing personal in the log.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../server/app'
import { createIntegrationKey } from '../../server/integrations/keys'
import { sendAcknowledgements } from '../../server/intake/acknowledge'
import { readServiceMailbox } from '../../server/intake/mailbox'
import type { IntakeOptions } from '../../server/intake/requests'
import { intakeRound, startIntake } from '../../server/intake/worker'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { assignServiceRequest, discardServiceRequest, listServiceRequests, serviceWorkList } from '../../electron/main/modules/service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { startDovecot, type Dovecot } from '../helpers/dovecot'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { harnessPerTest, highestVersion, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const INTAKE: IntakeOptions = { acknowledge: true, mailDomain: 'service.example.de' }
const FORM = 'http://sync.test/intake/v1/service-form'
const API = 'http://sync.test/integrations/v1/service-requests'
const PERSONAL = ['Jens Kruse', 'jens.kruse@kuehlhaus.example', 'Petra Neu', 'petra.neu@unbekannt.example', 'Kältemaschine']

let dovecot: Dovecot | null = null
let sink: SmtpSink | null = null
afterEach(async () => {
  vi.restoreAllMocks()
  await dovecot?.stop()
  await sink?.close()
  dovecot = null
  sink = null
})

/** Anna (team Nord) has the customer Kühlhaus Nord (K-1001) with the contact Jens Kruse; synced. */
async function customer(anna: TestClient): Promise<{ companyId: string; contactId: string }> {
  const company = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ name: 'Kühlhaus Nord GmbH', customerNumber: 'K-1001' })))
  const contact = await createContact(anna.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'mr', firstName: 'Jens', lastName: 'Kruse', email: 'jens.kruse@kuehlhaus.example', language: 'de' }))
  expect((await anna.sync()).rejected).toBe(0)
  return { companyId: company.id, contactId: contact.id }
}

const formBody = (fields: Record<string, string>) => new URLSearchParams({
  lang: 'de', submission: 'sub-0000000000000001', name: 'Jens Kruse', email: 'jens.kruse@kuehlhaus.example', customerNumber: '',
  subject: 'Kältemaschine läuft nicht', description: 'Seit heute Morgen keine Kühlung mehr.', consent: 'yes', website: '', ...fields,
}).toString()

describe.each(STORE_KINDS)('service intake on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)
  const intakeApp = (formLimits = {}) => createApp({ store: server.h.store, clock: () => server.h.clock.now, intake: INTAKE, formLimits, peerAddress: () => '203.0.113.7' })
  const seq = () => highestVersion(server.h.store)
  const rows = (table: string) => server.h.store.db.selectFrom('sync_rows').select(['id', 'scope_id', 'data']).where('table_name', '=', table).execute()
  const postForm = (app: ReturnType<typeof intakeApp>, body: string) => app.request(FORM, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })

  it.skipIf(skip)('a form post from a contact\'s address becomes a case on the owner\'s service work list after sync, in the team\'s scope only; acknowledged with its number', async () => {
    const anna = await server.client('anna')
    const carla = await server.client('carla')
    const { companyId, contactId } = await customer(anna)
    const app = intakeApp()
    const page = await app.request(`${FORM}?lang=en`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<label for="f-email">E-mail address</label>')
    expect(html).toContain('name="website"')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await (await app.request(FORM)).text()).toContain('Anfrage senden')

    const answer = await postForm(app, formBody({}))
    expect(answer.status).toBe(200)
    expect(await answer.text()).toContain('Vielen Dank')
    const cases = await rows('cases')
    expect(cases).toHaveLength(1)
    const stored = JSON.parse(cases[0]!.data) as Record<string, unknown>
    expect(cases[0]!.scope_id).toMatch(/^team:/)
    expect(stored).toMatchObject({ company_id: companyId, contact_id: contactId, type: 'service_request', channel: 'web', status: 'new', subject: 'Kältemaschine läuft nicht' })
    expect(String(stored.number)).toMatch(/^S-2026-INBOX-0001$/)
    // The same submission again (a double click, a reload): nothing new.
    const before = await seq()
    expect((await postForm(app, formBody({}))).status).toBe(200)
    expect(await seq()).toBe(before)

    await anna.sync()
    const list = await serviceWorkList(anna.ctx, { ownerId: '' })
    expect(list.mine.map((c) => [c.number, c.companyName, c.subject])).toEqual([['S-2026-INBOX-0001', 'Kühlhaus Nord GmbH', 'Kältemaschine läuft nicht']])
    const touchpoints = await anna.ctx.db.selectFrom('touchpoints').select(['channel', 'direction', 'station', 'message_key']).where('company_id', '=', companyId).where('station', '=', 'support').execute()
    expect(touchpoints).toEqual([{ channel: 'website', direction: 'inbound', station: 'support', message_key: 'case.opened' }])
    await carla.sync()
    expect(await carla.ctx.db.selectFrom('cases').select('id').execute()).toEqual([])

    sink = await startSmtpSink()
    expect(await sendAcknowledgements(server.h.store, { host: '127.0.0.1', port: sink.port, security: 'none', user: '', password: '' }, 'Service <service@service.example.de>', () => server.h.clock.now))
      .toEqual({ sent: 1, failed: 0 })
    expect(sink.received).toHaveLength(1)
    expect(sink.received[0]!.to).toEqual(['jens.kruse@kuehlhaus.example'])
    expect(sink.received[0]!.subject).toBe('Ihre Serviceanfrage S-2026-INBOX-0001: Kältemaschine läuft nicht')
    expect(sink.received[0]!.parsed.text).toContain('Fallnummer S-2026-INBOX-0001')
    expect(sink.received[0]!.messageId).toMatch(/@service\.example\.de$/)
    // Sent once: a second round has nothing to send.
    expect(await sendAcknowledgements(server.h.store, { host: '127.0.0.1', port: sink.port, security: 'none', user: '', password: '' }, 'service@service.example.de', () => server.h.clock.now)).toEqual({ sent: 0, failed: 0 })
  })

  it.skipIf(skip)('a case just made is acknowledged at once, not at the next round of the mailbox', async () => {
    const anna = await server.client('anna')
    await customer(anna)
    sink = await startSmtpSink()
    const worker = startIntake(server.h.store, { imap: null, smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: '', password: '' }, from: 'service@service.example.de', pollSeconds: 3600 })
    try {
      const app = createApp({ store: server.h.store, clock: () => server.h.clock.now, intake: INTAKE, onServiceCase: () => worker.nudge(), peerAddress: () => '203.0.113.8' })
      expect((await postForm(app, formBody({}))).status).toBe(200)
      await vi.waitFor(() => expect(sink!.received).toHaveLength(1), { timeout: 10_000, interval: 50 })
      expect(sink.received[0]!.subject).toContain('S-2026-INBOX-0001')
    } finally {
      await worker.stop()
    }
  })

  it.skipIf(skip)('refuses the honeypot quietly, field problems per field, a body over the limit, the 11th post a minute from one address — nothing written, nothing personal logged', async () => {
    const anna = await server.client('anna')
    await customer(anna)
    const app = intakeApp({ postsPerWindow: 10 })
    const logged: string[] = []
    for (const method of ['log', 'warn', 'error', 'info'] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
    const before = await seq()

    const bot = await postForm(app, formBody({ website: 'http://spam.example', submission: 'sub-0000000000000002' }))
    expect(bot.status).toBe(200)
    expect(await bot.text()).toContain('Vielen Dank')

    const bad = await postForm(app, formBody({ email: 'kein-at-zeichen', subject: '', consent: '', submission: 'sub-0000000000000003' }))
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('aria-invalid="true" aria-describedby="f-email-error"')
    expect(html).toContain('<p class="error" id="f-email-error">Bitte eine gültige E-Mail-Adresse eingeben')
    expect(html).toContain('<p class="error" id="f-subject-error">Bitte ausfüllen.</p>')
    expect(html).toContain('<p class="error" id="f-consent-error">Bitte stimmen Sie der Verarbeitung zu.</p>')
    expect(html).toContain('value="Jens Kruse"') // what was typed stays, escaped
    const escaped = await postForm(app, formBody({ name: '<script>x</script>', email: '', submission: 'sub-0000000000000004' }))
    expect(await escaped.text()).toContain('&lt;script&gt;x&lt;/script&gt;')

    const big = await app.request(`${FORM}?lang=en`, { method: 'POST', body: formBody({ description: 'x'.repeat(40_000), submission: 'sub-0000000000000005' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(big.status).toBe(413)
    expect(await big.text()).toContain('The request is too large.')

    // 3 posts counted so far from 203.0.113.7 (the one over the size limit is refused before it is read); 100 in a
    // minute: the 11th and every later one is refused.
    const statuses: number[] = []
    for (let i = 0; i < 96; i++) statuses.push((await postForm(app, formBody({ email: 'falsch', submission: `sub-1000000000000${String(i).padStart(3, '0')}` }))).status)
    expect(statuses.slice(0, 7).every((s) => s === 422)).toBe(true)
    expect(statuses.slice(7).every((s) => s === 429)).toBe(true)
    const limited = await postForm(app, formBody({ submission: 'sub-0000000000000006' }))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)

    expect(await seq()).toBe(before)
    expect(await rows('cases')).toEqual([])
    expect(logged.some((l) => l.includes('honeypot'))).toBe(true)
    expect(logged.some((l) => l.includes('429 rate_limited'))).toBe(true)
    for (const line of logged) for (const word of [...PERSONAL, 'spam.example', 'kein-at-zeichen']) expect(line).not.toContain(word)
  })

  it.skipIf(skip)('the API: matched by customer number → a case; unknown number → triage on every laptop, assigned there into a case; retried post writes nothing; wrong key kind 403', async () => {
    const anna = await server.client('anna')
    const ben = await server.client('ben')
    const carla = await server.client('carla')
    const { companyId } = await customer(anna)
    const app = intakeApp()
    const { key } = await createIntegrationKey(server.h.store.db, 'Website', ['service_requests'])
    const { key: leadKey } = await createIntegrationKey(server.h.store.db, 'Marketing', ['leads'])
    const post = (k: string, body: unknown) => app.request(API, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${k}` } })
    const request = (over: Record<string, unknown>) => ({ id: 'web-1', name: 'Petra Neu', email: 'petra.neu@unbekannt.example', customerNumber: 'k-1001 ', subject: 'Wartung', description: 'Bitte Termin.', consent: { given: true }, ...over })

    const matched = await post(key, request({}))
    expect(await matched.json()).toEqual({ outcome: 'case', number: 'S-2026-INBOX-0001', created: true })
    expect(await (await post(key, request({ subject: 'anders' }))).json()).toEqual({ outcome: 'case', number: 'S-2026-INBOX-0001', created: false })
    const unknown = await post(key, request({ id: 'web-2', customerNumber: 'K-9999' }))
    expect(await unknown.json()).toEqual({ outcome: 'triage', created: true })
    expect((await post(leadKey, request({ id: 'web-3' }))).status).toBe(403)
    expect((await app.request(API, { method: 'POST', body: JSON.stringify(request({ id: 'web-5' })), headers: { 'content-type': 'application/json' } })).status).toBe(401)
    expect((await post(key, request({ id: 'web-6', description: 'x'.repeat(5 * 1024 * 1024) }))).status).toBe(413)
    const invalid = await post(key, request({ id: 'web-4', email: 'x', consent: { given: false } }))
    expect(invalid.status).toBe(422)
    expect((await invalid.json() as { problems: unknown[] }).problems).toEqual([{ field: 'email', problem: 'errors.email' }, { field: 'consent.given', problem: 'errors.serviceConsentRequired' }])
    expect(await rows('cases')).toHaveLength(1)
    const triage = await rows('service_requests')
    expect(triage.map((r) => [r.scope_id, (JSON.parse(r.data) as { reason: string }).reason])).toEqual([['org', 'unknown_customer_number']])

    for (const laptop of [ben, carla]) {
      await laptop.sync()
      expect((await listServiceRequests(laptop.ctx)).map((r) => [r.subject, r.customerNumber, r.reason, r.source])).toEqual([['Wartung', 'K-9999', 'unknown_customer_number', 'api']])
    }
    // Ben (team Nord) makes it a case of Kühlhaus Nord; Carla's laptop sees it dealt with after sync.
    await ben.sync()
    const made = await assignServiceRequest(ben.ctx, { id: triage[0]!.id, companyId, contactId: '' })
    expect(made.type).toBe('service_request')
    expect((await ben.sync()).rejected).toBe(0)
    await carla.sync()
    expect(await listServiceRequests(carla.ctx)).toEqual([])
    await expect(discardServiceRequest(carla.ctx, { id: triage[0]!.id, reason: 'spam' })).rejects.toMatchObject({ message: 'errors.serviceRequestDecided' })
    await anna.sync()
    expect((await anna.ctx.db.selectFrom('cases').select('subject').orderBy('subject').execute()).map((c) => c.subject)).toEqual(['Wartung', 'Wartung'])

    // The server's round acknowledges both: the case it made, and the one Ben made from triage (with his laptop's number).
    sink = await startSmtpSink()
    const config = { imap: null, smtp: { host: '127.0.0.1', port: sink.port, security: 'none' as const, user: '', password: '' }, from: 'Service <service@service.example.de>', pollSeconds: 60 }
    expect(await intakeRound(server.h.store, config, () => server.h.clock.now)).toEqual({ mailbox: null, acks: { sent: 2, failed: 0 } })
    expect(sink.received.map((m) => m.subject).sort()).toEqual([`Ihre Serviceanfrage ${made.number}: Wartung`, 'Ihre Serviceanfrage S-2026-INBOX-0001: Wartung'].sort())
    expect(await intakeRound(server.h.store, config, () => server.h.clock.now)).toEqual({ mailbox: null, acks: { sent: 0, failed: 0 } })
  })

  it.skipIf(skip)('the service mailbox: a contact\'s mail and a mail naming the customer number become cases, an unknown sender waits in triage, a mail without sender is set aside, a reply goes to its case; read twice, nothing twice', async () => {
    const anna = await server.client('anna')
    const { companyId } = await customer(anna)
    dovecot = await startDovecot()
    const at = new Date('2026-11-30T08:00:00Z')
    const mail = (headers: string[], body: string) => [...headers, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body, ''].join('\r\n')
    await dovecot.append('INBOX', mail(['From: Jens Kruse <jens.kruse@kuehlhaus.example>', 'To: service@service.example.de', 'Subject: Kältemaschine defekt', 'Message-ID: <m1@kuehlhaus.example>', 'Date: Mon, 30 Nov 2026 08:00:00 +0000'], 'Die Anlage in Halle 2 kühlt nicht.'), at)
    await dovecot.append('INBOX', mail(['From: Einkauf <einkauf@kuehlhaus.example>', 'Subject: Wartungsvertrag', 'Message-ID: <m2@kuehlhaus.example>'], 'Guten Tag,\nunsere Kundennummer: K-1001. Bitte um Rückruf.'), at)
    await dovecot.append('INBOX', mail(['From: Petra Neu <petra.neu@unbekannt.example>', 'Subject: Anfrage', 'Message-ID: <m3@unbekannt.example>'], 'Haben Sie Ersatzteile?'), at)
    await dovecot.append('INBOX', mail(['Subject: ohne Absender', 'Message-ID: <m4@nowhere.example>'], 'Wer bin ich?'), at)
    await dovecot.append('INBOX', mail(['From: Mailer <mailer-daemon@kuehlhaus.example>', 'Auto-Submitted: auto-replied', 'Subject: Abwesend', 'Message-ID: <m5@kuehlhaus.example>'], 'Bin im Urlaub.'), at)
    const account = { ...dovecot.account }
    const logged: string[] = []
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
    const now = () => server.h.clock.now
    const options = { ...INTAKE, ownAddress: 'service@service.example.de' }

    expect(await readServiceMailbox(server.h.store, account, options, now)).toEqual({ read: 5, cases: 2, triage: 1, replies: 0, setAside: 2 })
    const cases = (await rows('cases')).map((r) => JSON.parse(r.data) as Record<string, unknown>)
    expect(cases.map((c) => [c.subject, c.channel, c.company_id]).sort()).toEqual([['Kältemaschine defekt', 'email', companyId], ['Wartungsvertrag', 'email', companyId]])
    const arrivals = await server.h.store.db.selectFrom('intake_arrivals').select(['outcome', 'reason']).orderBy('outcome').orderBy('reason').execute()
    expect(arrivals).toEqual([
      { outcome: 'case', reason: '' }, { outcome: 'case', reason: '' }, { outcome: 'set_aside', reason: 'automatic' }, { outcome: 'set_aside', reason: 'no_sender' },
      { outcome: 'triage', reason: 'unknown_sender' },
    ])

    // The acknowledgement goes out; the customer answers it — by In-Reply-To, and once only with the number in the subject.
    sink = await startSmtpSink()
    await sendAcknowledgements(server.h.store, { host: '127.0.0.1', port: sink.port, security: 'none', user: '', password: '' }, 'service@service.example.de', now)
    const ack = sink.received.find((m) => m.to[0] === 'jens.kruse@kuehlhaus.example')!
    const number = /S-2026-INBOX-\d{4}/.exec(ack.subject)![0]
    await dovecot.append('INBOX', mail(['From: Jens Kruse <jens.kruse@kuehlhaus.example>', `Subject: Re: ${ack.subject}`, 'Message-ID: <m6@kuehlhaus.example>', `In-Reply-To: <${ack.messageId}>`], 'Nachtrag: Fehlercode E42.'), at)
    await dovecot.append('INBOX', mail(['From: Jens Kruse <jens.kruse@kuehlhaus.example>', `Subject: Frage zu ${number}`, 'Message-ID: <m7@kuehlhaus.example>'], 'Wann kommt der Techniker?'), at)
    expect(await readServiceMailbox(server.h.store, account, options, now)).toEqual({ read: 2, cases: 0, triage: 0, replies: 2, setAside: 0 })
    expect(await rows('cases')).toHaveLength(2)
    await anna.sync()
    const caseId = (await anna.ctx.db.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id
    const notes = await anna.ctx.db.selectFrom('case_events').select('text').where('case_id', '=', caseId).where('kind', '=', 'note').orderBy('text').execute()
    expect(notes.map((n) => n.text.split('\n\n')[1]).sort()).toEqual(['Nachtrag: Fehlercode E42.', 'Wann kommt der Techniker?'])

    // Read again from the start (the state lost): nothing is written twice.
    await server.h.store.db.deleteFrom('intake_mailbox').execute()
    const before = await seq()
    expect(await readServiceMailbox(server.h.store, account, options, now)).toEqual({ read: 7, cases: 0, triage: 0, replies: 0, setAside: 2 })
    expect(await seq()).toBe(before)
    for (const line of logged) for (const word of [...PERSONAL, 'mailer-daemon', 'Urlaub']) expect(line).not.toContain(word)
  })
})
