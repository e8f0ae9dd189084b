// The contract and renewal stations on a real database: contract from a won offer, cancel-by date,
// reminders on the work list, tacit renewal, renewal offer won, cancellation, the journey, the report,
// the pipeline, and bad input that changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { createCompany, getCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { contractDocument } from '../../electron/main/modules/contracts/contract-document.service'
import { cancelContract } from '../../electron/main/modules/contracts/cancellation.service'
import { createContract, getContract } from '../../electron/main/modules/contracts/contract.service'
import { rollContracts } from '../../electron/main/modules/contracts/contract-roll.service'
import { completeWorkListItem, snoozeWorkListItem, workList } from '../../electron/main/modules/worklist/worklist.service'
import { createOffer, sendOffer, winOffer } from '../../electron/main/modules/offers/offer.service'
import { renewalPipeline, renewalReport } from '../../electron/main/modules/contracts/renewal.service'
import { contractCancelSchema, contractFieldsSchema, type ContractFieldsInput } from '../../shared/modules/contracts/contract.schema'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { eventLine } from '../../shared/i18n/event-text'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-19T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

async function customer() {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', federalState: 'BY', status: 'customer' })))
  const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'mr', firstName: 'Jörg', lastName: 'Weiß', language: 'de' }))
  return { company, contact }
}

const item = { name: 'Wartung Prüfstände', quantity: 1, unit: 'Pauschale', unitPriceCents: 1_200_000, discountPercent: 0, vatRate: 19 as const, optional: false }
const contractInput = (companyId: string, o: Partial<ContractFieldsInput> = {}) => contractFieldsSchema.parse({
  companyId, type: 'maintenance', title: 'Wartung Prüfstände', startDate: '2027-01-01', minimumTermMonths: 12, noticeValue: 3, noticeUnit: 'months',
  renewalMonths: 12, annualValueCents: 1_200_000, notes: '', ...o,
})

async function wonOffer(companyId: string, contactId: string) {
  const offer = await createOffer(t.ctx, offerFieldsSchema.parse({
    companyId, contactId, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  }))
  await sendOffer(t.ctx, offer.id)
  return winOffer(t.ctx, { id: offer.id, orderDate: '2026-11-25', orderValueCents: 1_200_000 })
}

describe('contracts', () => {
  it('from a won offer: linked, numbered per device, cancel-by date and reminders computed, journey at the contract station', async () => {
    const { company, contact } = await customer()
    const offer = await wonOffer(company.id, contact.id)
    const contract = await createContract(t.ctx, contractInput(company.id, { offerId: offer.id, contactId: contact.id, items: [item] }))
    expect(contract.number).toMatch(/^V-2027-[0-9A-Z]{5}-0001$/)
    expect(contract).toMatchObject({ status: 'active', offerNumber: offer.number, endDate: '2027-12-31', cancelBy: '2027-09-30', annualValueCents: 1_200_000 })
    // 90 days before 30 Sep 2027 is Fri 2 Jul; 14 days before is Thu 16 Sep.
    expect([contract.reviewDue, contract.finalDue]).toEqual(['2027-07-02', '2027-09-16'])
    expect(contract.items.map((i) => i.name)).toEqual(['Wartung Prüfstände'])
    expect((await getCompany(t.ctx, company.id)).journey).toEqual({ station: 'contract', reason: 'new_contract' })
  })

  it('the renewal review is on the work list at its date; done writes a touchpoint; snooze stops at the cancel-by date', async () => {
    const { company, contact } = await customer()
    const contract = await createContract(t.ctx, contractInput(company.id, { contactId: contact.id }))
    expect((await workList(t.ctx, { ownerId: '', today: '2027-06-01' })).upcoming).toEqual([])
    const list = await workList(t.ctx, { ownerId: '', today: '2027-07-02' })
    expect(list.dueToday).toMatchObject([{ source: 'contract', kind: 'renewal_review', contractNumber: contract.number, cancelBy: '2027-09-30', contactName: 'Jörg Weiß' }])
    t.setNow('2027-07-02T09:00:00.000Z')
    const review = { source: 'contract', id: list.dueToday[0]!.id }
    expect(review.id).toBe(`${contract.id}:renewal_review`)
    await expect(snoozeWorkListItem(t.ctx, { ...review, until: '2027-10-01' })).rejects.toMatchObject({ fields: { until: 'errors.snoozePastCancelBy' } })
    await completeWorkListItem(t.ctx, { ...review, channel: 'phone', outcome: 'Kunde will verlängern' })
    await expect(completeWorkListItem(t.ctx, { ...review, channel: 'phone', outcome: 'noch einmal' })).rejects.toMatchObject({ code: 'conflict' })
    const after = await workList(t.ctx, { ownerId: '', today: '2027-09-16' })
    expect(after.dueToday.map((i) => i.kind)).toEqual(['renewal_final'])
    const lines = (await t.ctx.db.selectFrom('touchpoints').select(['summary', 'message_key', 'message_params']).where('company_id', '=', company.id).execute())
      .map((r) => eventLine('de', { messageKey: r.message_key, messageParams: r.message_params, text: r.summary }))
    expect(lines).toContain(`Verlängerung geprüft (Vertrag ${contract.number}) – Kunde will verlängern`)
  })

  it('inside the renewal window the customer is at the renewal station; after the end it renews tacitly, term after term', async () => {
    const { company } = await customer()
    const contract = await createContract(t.ctx, contractInput(company.id))
    t.setNow('2027-07-05T09:00:00.000Z')
    await rollContracts(t.ctx)
    expect((await getCompany(t.ctx, company.id)).journey).toEqual({ station: 'renewal', reason: 'renewal_window' })
    t.setNow('2027-10-01T09:00:00.000Z')
    await rollContracts(t.ctx)
    expect((await getCompany(t.ctx, company.id)).journey).toEqual({ station: 'usage', reason: 'active_contract' })
    // Offline for two years: both renewals are applied at once, each logged.
    t.setNow('2029-01-10T09:00:00.000Z')
    expect((await rollContracts(t.ctx)).rolled).toBe(1)
    const renewed = await getContract(t.ctx, contract.id)
    expect(renewed).toMatchObject({ status: 'renewed', termStart: '2029-01-01', endDate: '2029-12-31', cancelBy: '2029-09-30', reviewDue: '2029-07-02' })
    expect(renewed.terms.map((x) => [x.end, x.via])).toEqual([['2027-12-31', 'start'], ['2028-12-31', 'tacit'], ['2029-12-31', 'tacit']])
    // Rolling again changes nothing (every device computes the same).
    expect((await rollContracts(t.ctx)).rolled).toBe(0)
  })

  it('a won renewal offer continues the contract with the new term, items and value', async () => {
    const { company, contact } = await customer()
    const contract = await createContract(t.ctx, contractInput(company.id, { contactId: contact.id, items: [item] }))
    t.setNow('2027-07-02T09:00:00.000Z')
    const renewal = await createOffer(t.ctx, offerFieldsSchema.parse({
      companyId: company.id, contactId: contact.id, contractId: contract.id, contractTermMonths: 24, offerDate: '2027-07-02', validUntil: '2027-08-02',
      offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [{ ...item, unitPriceCents: 1_260_000 }],
    }))
    expect(renewal).toMatchObject({ contractId: contract.id, contractNumber: contract.number, contractTermMonths: 24 })
    await sendOffer(t.ctx, renewal.id)
    await winOffer(t.ctx, { id: renewal.id, orderDate: '2027-07-20', orderValueCents: 1_260_000 })
    const after = await getContract(t.ctx, contract.id)
    expect(after).toMatchObject({ status: 'renewed', termStart: '2028-01-01', endDate: '2029-12-31', cancelBy: '2029-09-30', annualValueCents: 1_260_000 })
    expect(after.terms.at(-1)).toMatchObject({ via: 'offer', offerId: renewal.id })
    expect(after.items[0]!.unitPriceCents).toBe(1_260_000)
  })

  it('a cancellation: effective at the end of the term it is in time for; reminders stop; churn reason in the report', async () => {
    const { company } = await customer()
    const contract = await createContract(t.ctx, contractInput(company.id))
    t.setNow('2027-10-02T09:00:00.000Z')
    // Received after the cancel-by date (30 Sep): the contract ends a term later.
    const cancelled = await cancelContract(t.ctx, contractCancelSchema.parse({ id: contract.id, cancelledBy: 'customer', receivedOn: '2027-10-02', reason: 'competitor', note: 'Wechsel zu Anbieter X' }))
    expect(cancelled).toMatchObject({ status: 'cancelled_customer', cancellationEffectiveOn: '2028-12-31', reviewDue: null, finalDue: null })
    expect((await workList(t.ctx, { ownerId: '', today: '2028-09-16' })).dueToday).toEqual([])
    const report = await renewalReport(t.ctx, { from: '2027-01-01', to: '2027-12-31', period: 'quarter', ownerId: '' })
    expect(report.total).toMatchObject({ due: 1, renewed: 0, churned: 1, rateByCount: 0 })
    expect(report.churnReasons).toEqual([{ reason: 'competitor', count: 1, valueCents: 1_200_000 }])
    expect(report.byPeriod.map((r) => r.key)).toEqual(['2027-Q4'])
  })

  it('the renewal rate counts tacit renewals and runs by owner', async () => {
    const { company } = await customer()
    await createContract(t.ctx, contractInput(company.id, { startDate: '2025-01-01' })) // renewed tacitly on 1 Jan 2026
    const ended = await createContract(t.ctx, contractInput(company.id, { startDate: '2025-06-01', renewalMonths: 0 }))
    expect((await getContract(t.ctx, ended.id)).status).toBe('ended')
    const report = await renewalReport(t.ctx, { from: '2025-01-01', to: '2026-12-31', period: 'year', ownerId: '' })
    expect(report.total).toMatchObject({ due: 2, renewed: 1, churned: 1, rateByCount: 0.5 })
    expect(report.churnReasons).toEqual([{ reason: 'no_renewal', count: 1, valueCents: 1_200_000 }])
    expect(report.byOwner).toHaveLength(1)
  })

  it('the pipeline groups cancel-by dates by 30, 90, 180 days with the value at stake', async () => {
    const { company } = await customer()
    t.setNow('2027-01-01T09:00:00.000Z')
    await createContract(t.ctx, contractInput(company.id, { startDate: '2026-04-01', annualValueCents: 100_000 })) // cancel by 31 Dec 2026 → renewed: 31 Dec 2027
    await createContract(t.ctx, contractInput(company.id, { startDate: '2027-04-15', minimumTermMonths: 1, renewalMonths: 1, noticeValue: 2, noticeUnit: 'weeks', annualValueCents: 50_000 }))
    await createContract(t.ctx, contractInput(company.id, { startDate: '2027-06-01', annualValueCents: 200_000 })) // cancel by 29 Feb? no: 28 Feb 2028
    const p = await renewalPipeline(t.ctx, { days: 180, ownerId: '', offset: 0, limit: 50 })
    expect(p.buckets).toEqual([{ days: 30, count: 0, annualValueCents: 0 }, { days: 90, count: 0, annualValueCents: 0 }, { days: 180, count: 1, annualValueCents: 50_000 }])
    expect(p.rows.map((r) => [r.cancelBy, r.daysLeft])).toEqual([['2027-04-30', 119]])
  })
})

describe('races and late decisions', () => {
  const renewalOffer = (companyId: string, contractId: string, day: string) => offerFieldsSchema.parse({
    companyId, contractId, contractTermMonths: 12, offerDate: day, validUntil: '2028-12-31', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  })

  it('the hourly roll never rolls over a cancellation written at the same time', async () => {
    const { company } = await customer()
    const contract = await createContract(t.ctx, contractInput(company.id))
    t.setNow('2028-01-05T09:00:00.000Z')
    await Promise.all([
      rollContracts(t.ctx),
      cancelContract(t.ctx, contractCancelSchema.parse({ id: contract.id, cancelledBy: 'customer', receivedOn: '2027-09-01', reason: 'price', note: '' })),
    ])
    // Whichever runs first, the cancellation stands (a roll from a stale read used to write "renewed" over it).
    expect(await getContract(t.ctx, contract.id)).toMatchObject({ status: 'cancelled_customer', cancelledBy: 'customer', reviewDue: null })
  })

  it('one renewal offer at a time; one made before a tacit renewal and won after it replaces that term', async () => {
    const { company } = await customer()
    const contract = await createContract(t.ctx, contractInput(company.id))
    t.setNow('2027-07-02T09:00:00.000Z')
    const first = await createOffer(t.ctx, renewalOffer(company.id, contract.id, '2027-07-02'))
    await expect(createOffer(t.ctx, renewalOffer(company.id, contract.id, '2027-07-02'))).rejects.toMatchObject({ fields: { contractId: 'errors.renewalOfferOpen' } })
    await sendOffer(t.ctx, first.id)
    // Nobody decided before the cancel-by date: the contract renews tacitly into 2028 ...
    t.setNow('2028-01-03T09:00:00.000Z')
    await rollContracts(t.ctx)
    expect((await getContract(t.ctx, contract.id)).terms.map((x) => x.via)).toEqual(['start', 'tacit'])
    // ... and the offer won now sets the terms of 2028 instead of starting in 2029.
    await winOffer(t.ctx, { id: first.id, orderDate: '2028-01-03', orderValueCents: 1_300_000 })
    const after = await getContract(t.ctx, contract.id)
    expect(after.terms.map((x) => [x.start, x.end, x.via])).toEqual([['2027-01-01', '2027-12-31', 'start'], ['2028-01-01', '2028-12-31', 'offer']])
    expect(after.annualValueCents).toBe(1_300_000)
  })

  it('a notice entered late ends the contract at the term it was in time for', async () => {
    const { company } = await customer()
    const contract = await createContract(t.ctx, contractInput(company.id))
    t.setNow('2028-01-10T09:00:00.000Z')
    await rollContracts(t.ctx)
    const cancelled = await cancelContract(t.ctx, contractCancelSchema.parse({ id: contract.id, cancelledBy: 'customer', receivedOn: '2027-09-15', reason: 'budget', note: '' }))
    expect(cancelled.cancellationEffectiveOn).toBe('2027-12-31')
  })
})

describe('bad input changes nothing', () => {
  const contracts = () => t.ctx.db.selectFrom('contracts').selectAll().execute()

  it('an end before the start and a notice longer than the term are refused at their field', async () => {
    const { company } = await customer()
    const endFirst = await dispatch(t.app, 'contracts.create', { ...contractInput(company.id), endDate: '2026-12-31' })
    expect(endFirst).toMatchObject({ ok: false, error: { fields: { endDate: 'errors.endBeforeStart' } } })
    const longNotice = await dispatch(t.app, 'contracts.create', { ...contractInput(company.id), minimumTermMonths: 3, noticeValue: 4 })
    expect(longNotice).toMatchObject({ ok: false, error: { fields: { noticeValue: 'errors.noticeLongerThanTerm' } } })
    const longForRenewal = await dispatch(t.app, 'contracts.create', { ...contractInput(company.id), minimumTermMonths: 24, renewalMonths: 1, noticeValue: 3 })
    expect(longForRenewal).toMatchObject({ ok: false, error: { fields: { noticeValue: 'errors.noticeLongerThanTerm' } } })
    const notWon = await createOffer(t.ctx, offerFieldsSchema.parse({ companyId: company.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item] }))
    const fromOpen = await dispatch(t.app, 'contracts.create', { ...contractInput(company.id), offerId: notWon.id })
    expect(fromOpen).toMatchObject({ ok: false, error: { fields: { offerId: 'errors.offerNotWon' } } })
    expect(await contracts()).toEqual([])
  })

  it('a renewal offer for an ended contract and a cancellation dated before the contract are refused', async () => {
    const { company } = await customer()
    const ended = await createContract(t.ctx, contractInput(company.id, { startDate: '2025-01-01', renewalMonths: 0 }))
    const offers = async () => (await t.ctx.db.selectFrom('offers').select('id').execute()).length
    const before = await offers()
    const renewal = await dispatch(t.app, 'offers.create', {
      companyId: company.id, contractId: ended.id, contractTermMonths: 12, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30,
      skontoPercent: 0, skontoDays: 0, items: [item],
    })
    expect(renewal).toMatchObject({ ok: false, error: { fields: { contractId: 'errors.contractNotRenewable' } } })
    expect(await offers()).toBe(before)

    const running = await createContract(t.ctx, contractInput(company.id))
    const snapshot = await contracts()
    const early = await dispatch(t.app, 'contracts.cancel', { id: running.id, cancelledBy: 'customer', receivedOn: '2026-12-01', reason: 'price', note: '' })
    expect(early).toMatchObject({ ok: false, error: { fields: { receivedOn: 'errors.cancellationBeforeContract' } } })
    const noReason = await dispatch(t.app, 'contracts.cancel', { id: running.id, cancelledBy: 'customer', receivedOn: '2027-02-01', note: '' })
    expect(noReason).toMatchObject({ ok: false, error: { fields: { reason: 'errors.churnReasonRequired' } } })
    expect(await contracts()).toEqual(snapshot)
  })
})

describe('contract confirmation', () => {
  it('is saved as a DOCX next to the database (its text is read back in offer-letter.docx.test)', async () => {
    const { company, contact } = await customer()
    const contract = await createContract(t.ctx, contractInput(company.id, { contactId: contact.id, items: [item] }))
    const doc = await contractDocument(t.ctx, { id: contract.id }, t.dir)
    expect(doc.fileName).toBe(`Vertragsbestaetigung-${contract.number}-${contract.id.slice(-8)}.docx`)
    expect(Buffer.from(doc.base64, 'base64').subarray(0, 2).toString()).toBe('PK')
    expect(doc.warnings).toEqual([]) // the test database's letter profile is complete (openTestDb)
  })
})
