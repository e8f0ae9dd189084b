// The visit briefing (issue 16) through its channels: every section for a customer with a conversation and its
// worries, an open offer with its follow-ups, a running contract with its cancel-by date, an open complaint, an
// NPS answer, a promise, touchpoints and an appointment with participants; nothing of another customer; the
// rule for unanswered worries; the PDF read back with poppler in German and English; the coming week's
// briefings for the offline store; refusals.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { newId } from '../../db/platform/ids'
import { insertSynced } from '../../db/platform/synced-writes'
import type { Briefing, BriefingFile } from '../../shared/modules/planning'
import type { ExportFile } from '../../shared/platform/export-file'
import { hasOffice, requireOfficeInCi } from '../helpers/office'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

requireOfficeInCi()
// BRIEFING_PDF_DIR keeps the PDFs there, to look at them (pdftoppm -png -r 80 de.pdf page).
const dir = process.env.BRIEFING_PDF_DIR ?? mkdtempSync(path.join(tmpdir(), 'kundenreise-briefing-'))
afterAll(() => process.env.BRIEFING_PDF_DIR || rmSync(dir, { recursive: true, force: true }))

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-20T09:00:00.000Z') // Friday, 10:00 in Germany
})
afterEach(async () => t.cleanup())
const must = mustOf(() => t.app)
const item = { productId: '', name: 'Prüfstand PS-200', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 1_000_000, vatRate: 19, discountPercent: 0, optional: false }

async function appointment(companyId: string, startsAt: string, o: { contactIds?: string[]; userIds?: string[]; ownerId?: string; status?: 'planned' | 'cancelled'; title?: string } = {}) {
  const id = newId()
  const now = t.ctx.clock().toISOString()
  await t.ctx.db.transaction().execute(async (trx) => {
    await insertSynced(trx, 'appointments', {
      id, company_id: companyId, kind: 'visit', title: o.title ?? 'Besuch Prüfstand', starts_at: startsAt, ends_at: `${startsAt.slice(0, 11)}23:00`,
      owner_id: o.ownerId ?? t.ctx.userId, status: o.status ?? 'planned', created_by: t.ctx.userId,
    }, now)
    for (const contactId of o.contactIds ?? []) await insertSynced(trx, 'appointment_participants', { id: newId(), appointment_id: id, company_id: companyId, contact_id: contactId }, now)
    for (const userId of o.userIds ?? []) await insertSynced(trx, 'appointment_participants', { id: newId(), appointment_id: id, company_id: companyId, user_id: userId }, now)
  })
  return id
}

/** A customer with something in every section of the briefing; `tag` keeps two customers' texts apart. */
async function customer(tag: string, number: string) {
  const company = await must<{ id: string }>('companies.create', validCompany({ name: `${tag} Maschinenbau GmbH`, customerNumber: number, status: 'customer' }))
  const anna = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: `Berger-${tag}`, jobFunction: 'Technische Leiterin', buyingRole: 'user', worries: `Stillstand ${tag}`, language: 'de' })
  const joerg = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Jörg', lastName: `Weiß-${tag}`, buyingRole: 'purchaser', attitude: 'supporter', language: 'de' })
  const conversation = await must<{ id: string }>('conversations.create', {
    companyId: company.id, heldAt: '2026-11-10', worries: `Lieferzeit ${tag} bis März zu lang`,
    participants: [{ contactId: anna.id, buyingRole: 'decision_maker', influence: 'high', attitude: 'sceptic', caresAbout: `Prozesssicherheit ${tag}` }],
  })
  const offer = await must<{ id: string; number: string }>('offers.create', {
    companyId: company.id, contactId: anna.id, conversationId: conversation.id, offerDate: '2026-11-12', validUntil: '2026-12-12', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  })
  await must('offers.send', { id: offer.id })
  const contract = await must<{ id: string; number: string }>('contracts.create', {
    companyId: company.id, contactId: anna.id, offerId: '', type: 'maintenance', title: `Wartung ${tag}`, startDate: '2026-06-01', minimumTermMonths: 12, endDate: '',
    noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_200_000, ownerId: '', notes: '', items: [],
  })
  const complaint = await must<{ id: string; number: string }>('cases.create', { type: 'complaint', companyId: company.id, contactId: anna.id, channel: 'phone', receivedAt: '2026-11-20T08:30:00.000Z', subject: `Prüfstand misst falsch ${tag}`, description: '', priority: 'high' })
  await must('feedback.create', { companyId: company.id, contactId: anna.id, kind: 'nps', station: 'usage', givenOn: '2026-11-15', score: 9, comment: `Gut ${tag}`, quotePermission: false })
  await must('promises.create', { companyId: company.id, contactId: anna.id, conversationId: conversation.id, title: `Referenzliste ${tag} schicken`, dueDate: '2026-12-04' })
  for (let i = 1; i <= 6; i++) {
    await must('touchpoints.create', { companyId: company.id, contactId: joerg.id, occurredAt: `2026-11-0${i}T09:00:00.000Z`, channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer', summary: `Anruf ${i} ${tag}` })
  }
  return { company, anna, joerg, conversation, offer, contract, complaint }
}

const briefing = (companyId: string, appointmentId = '') => must<Briefing>('briefing.get', { companyId, appointmentId })

describe('the briefing of a customer', () => {
  it('holds every section for the appointment, and nothing of another customer', async () => {
    const a = await customer('Brunsviga', 'K-1')
    const b = await customer('Fremd', 'K-2')
    const visit = await appointment(a.company.id, '2026-11-24T10:00', { contactIds: [a.anna.id] })
    await appointment(b.company.id, '2026-11-23T10:00', { contactIds: [b.joerg.id] })
    const x = await briefing(a.company.id, visit)

    expect(x).toMatchObject({ companyId: a.company.id, companyName: 'Brunsviga Maschinenbau GmbH', customerNumber: 'K-1', appointmentId: visit, peopleFrom: 'appointment', today: '2026-11-20' })
    expect(x.appointment).toMatchObject({ id: visit, kind: 'visit', startsAt: '2026-11-24T10:00', location: 'Hauptstraße 1, 38100 Braunschweig' })
    // Anna only (she takes part); her role, influence and attitude as learnt in the conversation, her worries as kept.
    expect(x.people).toEqual([{
      contactId: a.anna.id, name: 'Dr. Anna Berger-Brunsviga', jobFunction: 'Technische Leiterin', buyingRole: 'decision_maker', influence: 'high', attitude: 'sceptic',
      worries: 'Stillstand Brunsviga', caresAbout: 'Prozesssicherheit Brunsviga',
    }])
    expect(x.worries).toEqual({ conversationId: a.conversation.id, heldAt: '2026-11-10', worries: 'Lieferzeit Brunsviga bis März zu lang', openOfferNumbers: [a.offer.number] })
    expect(x.offers).toHaveLength(1)
    expect(x.offers[0]).toMatchObject({ id: a.offer.id, number: a.offer.number, status: 'sent', grossCents: 1_190_000 })
    expect(x.offers[0]!.nextFollowUp?.dueDate).toMatch(/^2026-1[12]-\d\d$/)
    expect(x.contracts).toEqual([expect.objectContaining({ id: a.contract.id, status: 'active', endDate: '2027-05-31', cancelBy: '2027-02-28', annualValueCents: 1_200_000 })])
    expect(x.nextCancelBy).toEqual({ contractId: a.contract.id, number: a.contract.number, cancelBy: '2027-02-28', annualValueCents: 1_200_000 })
    expect(x.cases).toEqual([expect.objectContaining({ id: a.complaint.id, type: 'complaint', status: 'new', slaStage: 'acknowledge', overdue: false })])
    expect(x.satisfaction.nps).toEqual({ score: 9, day: '2026-11-15', comment: 'Gut Brunsviga' })
    expect(x.satisfaction.satisfaction).toBeNull()
    expect(x.promises).toEqual([expect.objectContaining({ title: 'Referenzliste Brunsviga schicken', dueDate: '2026-12-04', status: 'open', overdue: false, contactName: 'Anna Berger-Brunsviga' })])
    expect(x.touchpoints).toHaveLength(5)
    expect(x.touchpoints.map((p) => p.occurredAt)).toEqual([...x.touchpoints.map((p) => p.occurredAt)].sort().reverse())
    expect(JSON.stringify(x)).not.toContain('Fremd')

    // Acknowledged, the resolution is due next; after its day the case is overdue.
    await must('cases.transition', { id: a.complaint.id, to: 'acknowledged', note: '' })
    const resolveDue = (await briefing(a.company.id, visit)).cases[0]!
    expect(resolveDue).toMatchObject({ slaStage: 'resolve', overdue: false })
    t.setNow(new Date(Date.parse(resolveDue.slaDue!) + 60_000).toISOString())
    expect((await briefing(a.company.id, visit)).cases[0]).toMatchObject({ slaStage: 'resolve', overdue: true })
  })

  it('without an appointment: the next planned one; without participants: the buying center of the last conversation', async () => {
    const a = await customer('Brunsviga', 'K-1')
    expect((await briefing(a.company.id)).appointment).toBeNull()
    await appointment(a.company.id, '2026-11-19T10:00') // yesterday
    await appointment(a.company.id, '2026-11-23T10:00', { status: 'cancelled' })
    const next = await appointment(a.company.id, '2026-11-26T10:00')
    await appointment(a.company.id, '2026-11-30T10:00')
    const x = await briefing(a.company.id)
    expect(x.appointmentId).toBe(next)
    expect(x.peopleFrom).toBe('buyingCenter')
    expect(x.people.map((p) => p.contactId)).toEqual([a.anna.id])
  })

  it('the worries are answered once an offer made from the conversation is decided; a later conversation supersedes them', async () => {
    const a = await customer('Brunsviga', 'K-1')
    await must('offers.win', { id: a.offer.id, orderDate: '2026-11-20', orderValueCents: 1_000_000 })
    expect((await briefing(a.company.id)).worries).toBeNull()
    await must('conversations.create', { companyId: a.company.id, heldAt: '2026-11-18', worries: 'Schulung der Schichtleiter', participants: [] })
    expect((await briefing(a.company.id)).worries).toMatchObject({ heldAt: '2026-11-18', worries: 'Schulung der Schichtleiter', openOfferNumbers: [] })
    await must('conversations.create', { companyId: a.company.id, heldAt: '2026-11-19', worries: '', participants: [] })
    expect((await briefing(a.company.id)).worries).toBeNull()
  })

  it('refuses an unknown customer, another customer’s appointment and a malformed id, and writes nothing', async () => {
    const a = await customer('Brunsviga', 'K-1')
    const b = await customer('Fremd', 'K-2')
    const theirs = await appointment(b.company.id, '2026-11-24T10:00')
    const outbox = await t.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const refused = async (channel: 'briefing.get' | 'briefing.pdf', input: unknown) => {
      const answer = await dispatch(t.app, channel, input)
      if (answer.ok) throw new Error('accepted')
      return answer.error
    }
    expect(await refused('briefing.get', { companyId: a.company.id, appointmentId: theirs })).toMatchObject({ code: 'not_found' })
    expect(await refused('briefing.pdf', { companyId: newId(), appointmentId: '', language: 'de' })).toMatchObject({ code: 'not_found' })
    expect(await refused('briefing.get', { companyId: 'K-1' })).toMatchObject({ code: 'validation', fields: { companyId: 'errors.invalid' } })
    expect(await refused('briefing.pdf', { companyId: a.company.id, language: 'fr' })).toMatchObject({ code: 'validation' })
    const after = await t.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(outbox.n)
  })
})

/** The PDF's text as poppler reads it, white space normalised. */
function pdfText(name: string, base64: string): string {
  const file = path.join(dir, `${name}.pdf`)
  writeFileSync(file, Buffer.from(base64, 'base64'))
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ')
}

describe.skipIf(!hasOffice)('the briefing as PDF', () => {
  it('German: the worries, the offer number, the cancel-by date as TT.MM.JJJJ; a safe file name; English too', async () => {
    const a = await customer('Brunsviga', 'K-1')
    const visit = await appointment(a.company.id, '2026-11-24T10:00', { contactIds: [a.anna.id] })
    const de = await must<ExportFile>('briefing.pdf', { companyId: a.company.id, appointmentId: visit, language: 'de' })
    expect(de.fileName).toMatch(/^Besuchsvorbereitung-Brunsviga-Maschinenbau-GmbH-2026-11-24-[0-9a-f]{8}\.pdf$/)
    expect(de.mimeType).toBe('application/pdf')
    expect(de.rows).toBeLessThanOrEqual(2)
    const text = pdfText('de', de.base64)
    for (const expected of ['Besuchsvorbereitung', 'Brunsviga Maschinenbau GmbH', '24.11.2026', 'Lieferzeit Brunsviga bis März zu lang', 'Stillstand Brunsviga',
      a.offer.number, '28.02.2027', '12.000,00 €', a.complaint.number, 'Referenzliste Brunsviga schicken', 'Anruf 6 Brunsviga', 'Entscheider']) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain('Fremd')

    const en = await must<ExportFile>('briefing.pdf', { companyId: a.company.id, appointmentId: visit, language: 'en' })
    expect(en.fileName).toMatch(/^Visit-briefing-Brunsviga/)
    const english = pdfText('en', en.base64)
    for (const expected of ['Visit briefing', 'Unanswered worries', '28/02/2027', '€12,000.00', a.offer.number, 'Next cancel-by date']) expect(english).toContain(expected)
  })
})

describe('the coming week for the offline store', () => {
  it('covers exactly the planned appointments of this user from today for 7 days, each with its PDF', async () => {
    const a = await customer('Brunsviga', 'K-1')
    const b = await customer('Fremd', 'K-2')
    const colleague = newId()
    await t.ctx.db.insertInto('users').values({ id: colleague, display_name: 'Petra Kollegin', server_version: null, deleted_at: null }).execute()
    const earlierToday = await appointment(a.company.id, '2026-11-20T08:00')
    const tuesday = await appointment(a.company.id, '2026-11-24T10:00', { contactIds: [a.anna.id] })
    const withMe = await appointment(b.company.id, '2026-11-26T23:30', { ownerId: colleague, userIds: [t.ctx.userId] })
    await appointment(b.company.id, '2026-11-25T10:00', { ownerId: colleague }) // not mine
    await appointment(b.company.id, '2026-11-27T00:00') // the eighth day
    await appointment(a.company.id, '2026-11-19T23:59') // yesterday
    await appointment(a.company.id, '2026-11-23T10:00', { status: 'cancelled' })
    const files = await must<BriefingFile[]>('briefing.upcoming', { days: 7, language: 'de' })
    expect(files.map((f) => f.appointmentId)).toEqual([earlierToday, tuesday, withMe])
    expect(files[1]).toMatchObject({ companyId: a.company.id, startsAt: '2026-11-24T10:00', briefing: { appointmentId: tuesday, companyName: 'Brunsviga Maschinenbau GmbH' } })
    expect(files[2]!.briefing.appointment?.ownerName).toBe('Petra Kollegin')
    for (const f of files) expect(Buffer.from(f.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect((await must<BriefingFile[]>('briefing.upcoming', { days: 1, language: 'en' })).map((f) => f.appointmentId)).toEqual([earlierToday])

    // Asked again later with nothing changed, a briefing keeps its file (and "Stand"); a change makes it anew.
    t.setNow('2026-11-20T09:30:00.000Z')
    await must('touchpoints.create', { companyId: b.company.id, occurredAt: '2026-11-20T09:10:00.000Z', channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer', summary: 'Rückruf' })
    const again = await must<BriefingFile[]>('briefing.upcoming', { days: 7, language: 'de' })
    expect(again[1]!.base64).toBe(files[1]!.base64)
    expect(again[1]!.briefing.generatedAt).toBe('2026-11-20T09:00:00.000Z')
    expect(again[2]!.briefing.generatedAt).toBe('2026-11-20T09:30:00.000Z')
    expect(again[2]!.briefing.touchpoints[0]!.summary).toBe('Rückruf')
  })
})
