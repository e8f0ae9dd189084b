// Timelines hold message keys and parameters, not sentences: an English reader sees English entries for
// what the app recorded (a contract signed, renewed, cancelled; a case moving through its steps), a German
// reader German ones, from the same rows. Rows written as German sentences before schema 8 are converted
// by the laptop's migration, the server's migration and the server's upgrade of older pushes alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { companyTimeline } from '../../electron/main/modules/customers/touchpoint.service'
import { cancelContract } from '../../electron/main/modules/contracts/cancellation.service'
import { createContract } from '../../electron/main/modules/contracts/contract.service'
import { createOffer, sendOffer, winOffer } from '../../electron/main/modules/offers/offer.service'
import { createCase, getCase } from '../../electron/main/modules/service/case.service'
import { decideWarranty, rateCase, returnStep, transitionCase, updateComplaint } from '../../electron/main/modules/service/case-workflow.service'
import { workListIcs } from '../../electron/main/modules/worklist/worklist.service'
import { contractCancelSchema, contractFieldsSchema } from '../../shared/modules/contracts/contract.schema'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { assetFieldsSchema, caseFieldsSchema } from '../../shared/modules/service/service.schema'
import { createAsset } from '../../electron/main/modules/service/asset.service'
import { legacyCaseEvent, legacyTouchpoint } from '../../shared/modules/sync/legacy-events'
import { rowProblem } from '../../shared/modules/sync/row-schemas'
import { eventLine, touchpointLine } from '../../shared/i18n/event-text'
import { upgradeEventFields } from '../../server/sync/upgrade-events'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-19T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

const item = { name: 'Wartung Prüfstände', quantity: 1, unit: 'Pauschale', unitPriceCents: 1_200_000, discountPercent: 0, vatRate: 19 as const, optional: false }

async function customer() {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', federalState: 'BY', status: 'customer' })))
  const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'mr', firstName: 'Jörg', lastName: 'Weiß', language: 'de' }))
  return { company, contact }
}

async function timelineLines(companyId: string, language: 'de' | 'en'): Promise<string[]> {
  const page = await companyTimeline(t.ctx, { companyId, offset: 0, limit: 100 })
  return page.rows.flatMap((e) => (e.kind === 'touchpoint' ? [touchpointLine(language, e.touchpoint)] : [])).reverse()
}

const GERMAN = /Vertrag|verlängert|gekündigt|Eingang|Angebot|versendet|Kunde|Fall|Status: (Neu|Bestätigt|Gelöst)|Garantie|Retoure|Zufriedenheit/

describe('timeline entries in the reader\'s language', () => {
  it('a contract created, renewed by a won renewal offer and cancelled: English for an English reader, German for a German one', async () => {
    const { company, contact } = await customer()
    const contract = await createContract(t.ctx, contractFieldsSchema.parse({
      companyId: company.id, contactId: contact.id, type: 'maintenance', title: 'Wartung Prüfstände', startDate: '2027-01-01', minimumTermMonths: 12,
      noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_200_000, notes: '', items: [item],
    }))
    t.setNow('2027-07-02T09:00:00.000Z')
    const renewal = await createOffer(t.ctx, offerFieldsSchema.parse({
      companyId: company.id, contactId: contact.id, contractId: contract.id, contractTermMonths: 12, offerDate: '2027-07-02', validUntil: '2027-08-02',
      offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
    }))
    await sendOffer(t.ctx, renewal.id)
    await winOffer(t.ctx, { id: renewal.id, orderDate: '2027-07-20', orderValueCents: 1_200_000 })
    t.setNow('2028-08-01T09:00:00.000Z')
    await cancelContract(t.ctx, contractCancelSchema.parse({ id: contract.id, cancelledBy: 'customer', receivedOn: '2028-08-01', reason: 'competitor', note: '' }))

    const en = await timelineLines(company.id, 'en')
    expect(en).toEqual([
      `Contract ${contract.number} signed: Wartung Prüfstände, starting 01/01/2027`,
      `Offer ${renewal.number} sent`,
      `Contract ${contract.number} renewed until 31/12/2028 (offer ${renewal.number})`,
      `Contract ${contract.number} cancelled by the customer as of 31/12/2028 (received 01/08/2028)`,
    ])
    for (const line of en) expect(line.replace('Wartung Prüfstände', '')).not.toMatch(GERMAN)
    expect(await timelineLines(company.id, 'de')).toEqual([
      `Vertrag ${contract.number} abgeschlossen: Wartung Prüfstände, Beginn 01.01.2027`,
      `Angebot ${renewal.number} versendet`,
      `Vertrag ${contract.number} verlängert bis 31.12.2028 (Angebot ${renewal.number})`,
      `Vertrag ${contract.number} vom Kunden gekündigt zum 31.12.2028 (Eingang 01.08.2028)`,
    ])
    // The data itself holds keys and parameters, never the sentence.
    const stored = await t.ctx.db.selectFrom('touchpoints').select(['summary', 'message_key', 'message_params']).where('company_id', '=', company.id).execute()
    expect(stored.map((r) => r.summary)).toEqual(['', '', '', ''])
    expect(stored.find((r) => r.message_key === 'contract.cancelledByCustomer')!.message_params).toBe(
      JSON.stringify({ number: contract.number, effective: '2028-12-31', received: '2028-08-01' }))
  })

  it('a complaint, a warranty claim and a return moving through their steps: English on the case and the customer\'s timeline', async () => {
    const { company } = await customer()
    const complaint = await createCase(t.ctx, caseFieldsSchema.parse({
      type: 'complaint', companyId: company.id, channel: 'phone', receivedAt: '2026-11-19T08:00:00.000Z', subject: 'Prüfstand misst falsch', description: '', priority: 'high',
    }))
    await transitionCase(t.ctx, { id: complaint.id, to: 'acknowledged', note: 'Techniker informiert', customerInformed: true, rejectionReason: '' })
    await transitionCase(t.ctx, { id: complaint.id, to: 'in_progress', note: '', customerInformed: false, rejectionReason: '' })
    await updateComplaint(t.ctx, { id: complaint.id, category: 'product_defect', rootCause: 'Sensor', correctiveAction: 'Getauscht', goodwillCents: 0 })
    await transitionCase(t.ctx, { id: complaint.id, to: 'resolved', note: '', customerInformed: true, rejectionReason: '' })
    await rateCase(t.ctx, { id: complaint.id, satisfaction: 4 })
    const events = (await getCase(t.ctx, complaint.id)).events
    expect(events.map((e) => eventLine('en', e))).toEqual([
      'Case opened – Prüfstand misst falsch',
      'Status: Acknowledged – Techniker informiert',
      'Status: In progress',
      'Status: Resolved',
      'Customer satisfaction: 4 of 5',
    ])
    expect(events.map((e) => eventLine('de', e))).toEqual([
      'Fall angelegt – Prüfstand misst falsch',
      'Status: Bestätigt – Techniker informiert',
      'Status: In Bearbeitung',
      'Status: Gelöst',
      'Zufriedenheit des Kunden: 4 von 5',
    ])

    const machine = await createAsset(t.ctx, assetFieldsSchema.parse({ companyId: company.id, name: 'Prüfstand PS-200', serialNumber: 'SN-1', site: '', deliveredOn: '2025-02-15', notes: '' }))
    const warranty = await createCase(t.ctx, caseFieldsSchema.parse({
      type: 'warranty', assetId: machine.id, companyId: company.id, channel: 'email', receivedAt: '2026-11-19T08:00:00.000Z', subject: 'Lager defekt', description: '', priority: 'normal',
    }))
    await decideWarranty(t.ctx, { id: warranty.id, decision: 'goodwill', reason: 'Stammkunde', customerInformed: true })
    const ret = await createCase(t.ctx, caseFieldsSchema.parse({
      type: 'return', companyId: company.id, channel: 'email', receivedAt: '2026-11-19T08:00:00.000Z', subject: 'Falsche Lieferung', description: '', priority: 'normal',
      lines: [{ name: 'Sensor', quantity: 1, reason: 'wrong_item' }],
    }))
    await returnStep(t.ctx, { id: ret.id, to: 'approved', note: '', customerInformed: false })
    expect((await getCase(t.ctx, warranty.id)).events.map((e) => eventLine('en', e)).at(-1)).toBe('Warranty: Goodwill – Stammkunde')
    expect((await getCase(t.ctx, ret.id)).events.map((e) => eventLine('en', e)).at(-1)).toBe(`Return ${ret.rmaNumber}: Approved`)

    const lines = await timelineLines(company.id, 'en')
    expect(lines).toEqual(expect.arrayContaining([
      `Complaint ${complaint.number} – Prüfstand misst falsch`,
      `Customer informed (${complaint.number}): Status: Acknowledged – Techniker informiert`,
      `Customer informed (${complaint.number}): Status: Resolved`,
      `Customer informed (${warranty.number}): Warranty: Goodwill – Stammkunde`,
    ]))
    for (const line of lines) expect(line.replace(/Prüfstand misst falsch|Techniker informiert|Stammkunde|Lager defekt|Falsche Lieferung|Prüfstand PS-200/g, '')).not.toMatch(GERMAN)
  })

  it('the work list\'s calendar file is written in the language of whoever exports it', async () => {
    const { company, contact } = await customer()
    const offer = await createOffer(t.ctx, offerFieldsSchema.parse({
      companyId: company.id, contactId: contact.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
    }))
    await sendOffer(t.ctx, offer.id)
    const en = (await workListIcs(t.ctx, { ownerId: '', language: 'en' })).content.replace(/\r\n[ \t]/g, '')
    expect(en).toContain(`SUMMARY:Follow up offer ${offer.number}`)
    expect(en).toContain('valid until 19/12/2026')
    const de = (await workListIcs(t.ctx, { ownerId: '' })).content.replace(/\r\n[ \t]/g, '')
    expect(de).toContain(`SUMMARY:Angebot ${offer.number} nachfassen`)
    expect(de).toContain('gültig bis 19.12.2026')
  })
})

describe('German sentences written before schema 8', () => {
  const cases: Array<[string, string, string]> = [
    ['Angebot A-2026-7K3QD-0012 versendet', 'offer.sent', 'Offer A-2026-7K3QD-0012 sent'],
    ['Angebot A-2026-7K3QD-0012 (Rev. 2) versendet', 'offer.sentRevision', 'Offer A-2026-7K3QD-0012 (rev. 2) sent'],
    ['Nachgefasst (Angebot A-1): Kunde prüft noch', 'offer.followedUp', 'Followed up (offer A-1) – Kunde prüft noch'],
    ['Vertrag V-1 abgeschlossen: Wartung, Service, Beginn 01.01.2027', 'contract.signed', 'Contract V-1 signed: Wartung, Service, starting 01/01/2027'],
    ['Vertrag V-1 vom Kunden gekündigt zum 31.12.2028 (Eingang 01.08.2028)', 'contract.cancelledByCustomer', 'Contract V-1 cancelled by the customer as of 31/12/2028 (received 01/08/2028)'],
    ['Vertrag V-1 von uns gekündigt zum 31.12.2028 (Eingang 01.08.2028)', 'contract.cancelledByUs', 'Contract V-1 cancelled by us as of 31/12/2028 (received 01/08/2028)'],
    ['Vertrag V-1 verlängert bis 31.12.2028 (Angebot A-2)', 'contract.renewed', 'Contract V-1 renewed until 31/12/2028 (offer A-2)'],
    ['Verlängerung geprüft (Vertrag V-1): will verlängern', 'contract.renewalReviewed', 'Renewal reviewed (contract V-1) – will verlängern'],
    ['Kunde informiert (S-2026-AB-0001): Status: gelöst – Messung korrekt', 'case.customerInformedOf', 'Customer informed (S-2026-AB-0001): Status: Resolved – Messung korrekt'],
    ['Kunde informiert (S-1): Teile bestellt', 'case.customerInformed', 'Customer informed (S-1) – Teile bestellt'],
    ['Reklamation S-2026-AB-0001: Prüfstand misst falsch', 'case.opened', 'Complaint S-2026-AB-0001 – Prüfstand misst falsch'],
    ['Empfehlung: Nordlicht GmbH', 'referral.received', 'Referral: Nordlicht GmbH'],
    ['Dank für die Empfehlung von Nordlicht GmbH (Gutschein): danke!', 'referral.thankedReward', 'Thanked for the referral of Nordlicht GmbH (Gutschein) – danke!'],
    ['Dank für die Empfehlung von Nordlicht GmbH', 'referral.thanked', 'Thanked for the referral of Nordlicht GmbH'],
  ]
  it.each(cases)('touchpoint "%s" becomes %s', (summary, key, english) => {
    const converted = legacyTouchpoint(summary)
    expect(converted.messageKey).toBe(key)
    expect(touchpointLine('en', { messageKey: converted.messageKey, messageParams: converted.params!, summary: converted.text })).toBe(english)
    // What the server stores after converting is a valid row.
    expect(rowProblem('touchpoints', { message_key: converted.messageKey, message_params: JSON.stringify(converted.params), summary: converted.text }, 'patch')).toBeNull()
  })

  it('a user\'s own text stays as it is', () => {
    for (const text of ['Angebot besprochen, Preis zu hoch', 'Vertrag unterschrieben zurück', 'Status: alles gut']) expect(legacyTouchpoint(text)).toEqual({ text, messageKey: null, params: null })
    expect(legacyCaseEvent('note', 'Ersatzteil bestellt')).toEqual({ text: 'Ersatzteil bestellt', messageKey: null, params: null })
  })

  it('case events by kind', () => {
    expect(legacyCaseEvent('status', 'Status: abgelehnt – Doppelt erfasst – ')).toMatchObject({ messageKey: 'case.status', params: { to: 'rejected' } })
    expect(legacyCaseEvent('decision', 'Garantie anerkannt')).toEqual({ messageKey: 'case.warrantyDecision', params: { decision: 'accepted' }, text: '' })
    expect(legacyCaseEvent('return_status', 'Retoure RMA-2026-AB-0003: eingegangen – 2 Stück')).toEqual({ messageKey: 'case.returnStep', params: { rma: 'RMA-2026-AB-0003', status: 'received' }, text: '2 Stück' })
    expect(legacyCaseEvent('note', 'Zufriedenheit des Kunden: 4 von 5')).toEqual({ messageKey: 'case.satisfaction', params: { score: 4 }, text: '' })
    expect(legacyCaseEvent('note', 'Bearbeiter: Ben Bauer, Priorität: dringend')).toEqual({ messageKey: 'case.reassignedReprioritised', params: { owner: 'Ben Bauer', priority: 'urgent' }, text: '' })
    expect(legacyCaseEvent('created', 'Fall angelegt')).toEqual({ messageKey: 'case.created', params: {}, text: '' })
  })

  it('the server upgrades an older laptop\'s pushed touchpoint, and leaves a new one alone', () => {
    expect(upgradeEventFields('touchpoints', { summary: 'Angebot A-1 versendet', station: 'offer' })).toEqual({
      summary: '', station: 'offer', message_key: 'offer.sent', message_params: JSON.stringify({ number: 'A-1' }),
    })
    const current = { summary: '', message_key: 'offer.sent', message_params: '{"number":"A-1"}' }
    expect(upgradeEventFields('touchpoints', current)).toBe(current)
  })

  it('the laptop\'s migration converts rows it holds (migration 008)', async () => {
    const { convertLegacyEvents } = await import('../../db/migrations/2026-11-29-008-event-messages')
    const { company } = await customer()
    // Rows as a schema-7 laptop held them (written directly, as an applied pull would), then the migration's conversion.
    await t.ctx.db.insertInto('touchpoints').values({
      id: 'legacy-1', company_id: company.id, contact_id: null, occurred_at: '2026-01-01T10:00:00.000Z', channel: 'other', direction: 'outbound', mode: 'direct',
      station: 'renewal', summary: 'Vertrag V-9 verlängert bis 31.12.2027 (Angebot A-9)', message_key: null, message_params: null, created_by: '',
      created_at: '2026-01-01T10:00:00.000Z', updated_at: '2026-01-01T10:00:00.000Z', server_version: 3, deleted_at: null,
    }).execute()
    await t.ctx.db.insertInto('touchpoints').values({
      id: 'legacy-2', company_id: company.id, contact_id: null, occurred_at: '2026-01-02T10:00:00.000Z', channel: 'phone', direction: 'outbound', mode: 'direct',
      station: 'offer', summary: 'Angebot besprochen', message_key: null, message_params: null, created_by: '',
      created_at: '2026-01-02T10:00:00.000Z', updated_at: '2026-01-02T10:00:00.000Z', server_version: 4, deleted_at: null,
    }).execute()
    const outboxBefore = (await t.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n
    await convertLegacyEvents(t.ctx.db as never)
    const rows = await t.ctx.db.selectFrom('touchpoints').select(['id', 'summary', 'message_key', 'message_params']).where('id', 'in', ['legacy-1', 'legacy-2']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: 'legacy-1', summary: '', message_key: 'contract.renewed', message_params: JSON.stringify({ number: 'V-9', end: '2027-12-31', offer: 'A-9' }) },
      { id: 'legacy-2', summary: 'Angebot besprochen', message_key: null, message_params: null },
    ])
    // Every device converts its own copy the same way (and the server its own): nothing goes to the outbox.
    expect((await t.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n).toBe(outboxBefore)
  })
})
