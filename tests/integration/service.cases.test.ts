// The use phase on a real database: installed base and its warranty reminder, complaint / warranty /
// return cases through their workflows with service levels, the service work list, referrals and
// their thanks, NPS with the promoter reminder, the journey, and bad input that changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { createAsset } from '../../electron/main/modules/service/asset.service'
import { createCase, getCase, serviceWorkList } from '../../electron/main/modules/service/case.service'
import { decideWarranty, rateCase, returnStep, transitionCase, updateComplaint } from '../../electron/main/modules/service/case-workflow.service'
import { createCompany, getCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { createFeedback, npsReport } from '../../electron/main/modules/service/feedback.service'
import { completeWorkListItem, workList } from '../../electron/main/modules/worklist/worklist.service'
import { createOffer, sendOffer, winOffer } from '../../electron/main/modules/offers/offer.service'
import { createProduct } from '../../electron/main/modules/offers/product.service'
import { createReferral, getReferral, thankReferral } from '../../electron/main/modules/service/referral.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { offerFieldsSchema, productFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { assetFieldsSchema, caseFieldsSchema, feedbackFieldsSchema, referralFieldsSchema, type CaseFieldsInput } from '../../shared/modules/service/service.schema'
import { eventLine } from '../../shared/i18n/event-text'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-24T09:00:00.000Z') // Tuesday, 10:00 in Germany
})
afterEach(async () => t.cleanup())

async function customer(name = 'Brunsviga Maschinenbau GmbH') {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ name, customerNumber: '', federalState: 'NI', status: 'customer' })))
  const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de', phone: '+49 531 123456' }))
  return { company, contact }
}

async function asset(companyId: string, deliveredOn: string) {
  const product = await createProduct(t.ctx, productFieldsSchema.parse({ sku: `PS-${deliveredOn}`, name: 'Prüfstand PS-200', description: '', unit: 'Stück', listPriceCents: 149_999, vatRate: 19, warrantyMonths: 24, active: true }))
  return createAsset(t.ctx, assetFieldsSchema.parse({ companyId, productId: product.id, name: 'Prüfstand PS-200', serialNumber: `SN-${deliveredOn}`, site: 'Halle 3', deliveredOn, notes: '' }))
}

const caseInput = (companyId: string, o: Partial<CaseFieldsInput> = {}) => caseFieldsSchema.parse({
  type: 'complaint', companyId, channel: 'phone', receivedAt: '2026-11-24T09:00:00.000Z', subject: 'Prüfstand misst falsch', description: 'Abweichung 3 %', priority: 'high', ...o,
})

describe('installed base', () => {
  it('the warranty ends after the product\'s warranty months; 60 days before, a reminder suggests a service contract', async () => {
    const { company } = await customer()
    const a = await asset(company.id, '2025-02-15')
    expect(a).toMatchObject({ warrantyEnd: '2027-02-14', warrantyReminderDue: '2026-12-16' })
    const list = await workList(t.ctx, { ownerId: '', today: '2026-12-16' })
    const item = list.dueToday.find((i) => i.source === 'asset')
    expect(item).toMatchObject({ kind: 'warranty_ending', companyName: 'Brunsviga Maschinenbau GmbH', contactName: 'Anna Berger' })
    expect(item!.source === 'asset' && item!.detail).toContain('2027-02-14')
    expect(item!.id).toBe(`asset:${a.id}`)
    await completeWorkListItem(t.ctx, { source: 'asset', id: item!.id, channel: 'phone', outcome: 'Wartungsvertrag angeboten' })
    expect((await workList(t.ctx, { ownerId: '', today: '2026-12-16' })).dueToday.filter((i) => i.source === 'asset')).toEqual([])
  })
})

describe('a deleted customer', () => {
  it('takes its installed products, cases and feedback along: no reminder or overdue case of it is left', async () => {
    const { deleteCompany } = await import('../../electron/main/modules/customers/company.service')
    const { listFeedback } = await import('../../electron/main/modules/service/feedback.service')
    const { company } = await customer()
    await asset(company.id, '2025-02-15')
    await createCase(t.ctx, caseInput(company.id))
    await createFeedback(t.ctx, feedbackFieldsSchema.parse({ companyId: company.id, kind: 'nps', givenOn: '2026-11-24', score: 10, comment: '' }))
    expect((await listFeedback(t.ctx, { companyId: company.id, kind: 'nps', offset: 0, limit: 10 })).total).toBe(1)
    await deleteCompany(t.ctx, company.id)
    const list = await workList(t.ctx, { ownerId: '', today: '2026-12-16' })
    expect([...list.overdue, ...list.dueToday, ...list.upcoming]).toEqual([])
    expect((await serviceWorkList(t.ctx, { ownerId: '', now: '2027-06-01T00:00:00.000Z' })).teamOverdue).toEqual([])
    expect((await listFeedback(t.ctx, { companyId: company.id, kind: '', offset: 0, limit: 10 })).total).toBe(0)
  })
})

describe('cases', () => {
  it('a complaint: service levels skip the weekend, it is on the work list, resolving needs root cause and corrective action, then satisfaction', async () => {
    const { company, contact } = await customer()
    // Friday 27 Nov, 17:00 in Germany, high priority: 4 service hours to acknowledge → Monday 12:00; 3 business days → Wednesday.
    const c = await createCase(t.ctx, caseInput(company.id, { contactId: contact.id, receivedAt: '2026-11-27T16:00:00.000Z' }))
    expect(c.number).toMatch(/^S-2026-[0-9A-Z]{5}-0001$/)
    expect(c).toMatchObject({ status: 'new', acknowledgeDue: '2026-11-30T11:00:00.000Z', resolveDue: '2026-12-02', slaDue: '2026-11-30T11:00:00.000Z' })
    expect((await getCompany(t.ctx, company.id)).journey).toEqual({ station: 'support', reason: 'open_cases' })
    expect((await serviceWorkList(t.ctx, { ownerId: '', now: '2026-11-30T08:00:00.000Z' })).mine.map((i) => [i.number, i.overdue])).toEqual([[c.number, false]])
    const list = await serviceWorkList(t.ctx, { ownerId: '', now: '2026-11-30T12:00:00.000Z' })
    expect(list.mine.map((i) => [i.number, i.overdue])).toEqual([[c.number, true]])
    expect(list.teamOverdue.map((i) => i.number)).toEqual([c.number])

    await transitionCase(t.ctx, { id: c.id, to: 'acknowledged', note: 'Techniker informiert', customerInformed: true, rejectionReason: '' })
    const acknowledged = await getCase(t.ctx, c.id)
    expect(acknowledged.slaDue).toBe('2026-12-02T22:59:59.999Z') // end of Wednesday in Germany
    await transitionCase(t.ctx, { id: c.id, to: 'in_progress', note: '', customerInformed: false, rejectionReason: '' })
    await expect(transitionCase(t.ctx, { id: c.id, to: 'resolved', note: '', customerInformed: true, rejectionReason: '' })).rejects.toMatchObject({ fields: { rootCause: 'errors.rootCauseRequired' } })
    expect((await getCase(t.ctx, c.id)).status).toBe('in_progress')
    await expect(rateCase(t.ctx, { id: c.id, satisfaction: 4 })).rejects.toMatchObject({ fields: { satisfaction: 'errors.rateAfterResolution' } })
    await updateComplaint(t.ctx, { id: c.id, category: 'product_defect', rootCause: 'Sensor falsch kalibriert', correctiveAction: 'Sensor getauscht, Kalibrierprotokoll ergänzt', goodwillCents: 15_000 })
    await transitionCase(t.ctx, { id: c.id, to: 'resolved', note: 'Messung wieder korrekt', customerInformed: true, rejectionReason: '' })
    const resolved = await rateCase(t.ctx, { id: c.id, satisfaction: 4 })
    expect(resolved).toMatchObject({ status: 'resolved', slaDue: null, satisfaction: 4, goodwillCents: 15000, rootCause: 'Sensor falsch kalibriert' })
    expect(resolved.events.filter((e) => e.customerInformed).map((e) => eventLine('de', e))).toEqual(['Status: Bestätigt – Techniker informiert', 'Status: Gelöst – Messung wieder korrekt'])
    expect((await getCompany(t.ctx, company.id)).journey.reason).not.toBe('open_cases')
    const timeline = (await t.ctx.db.selectFrom('touchpoints').select(['summary', 'message_key', 'message_params']).where('company_id', '=', company.id).execute())
      .map((r) => eventLine('de', { messageKey: r.message_key, messageParams: r.message_params, text: r.summary }))
    expect(timeline).toContain(`Kunde informiert (${c.number}): Status: Gelöst – Messung wieder korrekt`)
  })

  it('handing a case to a colleague with a higher priority moves its deadlines; a closed case cannot be reassigned', async () => {
    const { assignCase } = await import('../../electron/main/modules/service/case-workflow.service')
    const { company } = await customer()
    const c = await createCase(t.ctx, caseInput(company.id, { priority: 'low', receivedAt: '2026-11-24T09:00:00.000Z' }))
    expect([c.acknowledgeDue, c.resolveDue]).toEqual(['2026-11-26T15:00:00.000Z', '2026-12-08']) // 24 service hours (7 + 9 + 8), 10 business days
    const colleague = (await t.ctx.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id
    const urgent = await assignCase(t.ctx, { id: c.id, ownerId: colleague, priority: 'urgent' })
    expect(urgent).toMatchObject({ priority: 'urgent', acknowledgeDue: '2026-11-24T11:00:00.000Z', resolveDue: '2026-11-25', slaDue: '2026-11-24T11:00:00.000Z' })
    expect(eventLine('de', urgent.events.at(-1)!)).toBe('Priorität: Dringend')
    await transitionCase(t.ctx, { id: c.id, to: 'rejected', note: '', customerInformed: false, rejectionReason: 'Doppelt erfasst' })
    await expect(assignCase(t.ctx, { id: c.id, ownerId: colleague, priority: 'low' })).rejects.toMatchObject({ message: 'errors.caseClosed' })
  })

  it('a warranty claim is decided by the asset\'s warranty on the claim date; accepting one outside it is refused', async () => {
    const { company } = await customer()
    const inside = await asset(company.id, '2025-06-01') // warranty to 31 May 2027
    const outside = await asset(company.id, '2024-01-10') // warranty to 9 Jan 2026
    const a = await createCase(t.ctx, caseInput(company.id, { type: 'warranty', assetId: inside.id, subject: 'Display defekt' }))
    const b = await createCase(t.ctx, caseInput(company.id, { type: 'warranty', assetId: outside.id, subject: 'Pumpe defekt' }))
    expect([a.underWarranty, b.underWarranty]).toEqual([true, false])
    await expect(transitionCase(t.ctx, { id: a.id, to: 'resolved', note: '', customerInformed: false, rejectionReason: '' })).rejects.toThrow()
    await decideWarranty(t.ctx, { id: a.id, decision: 'accepted', reason: '', customerInformed: true })
    await expect(decideWarranty(t.ctx, { id: b.id, decision: 'accepted', reason: '', customerInformed: false })).rejects.toMatchObject({ fields: { decision: 'errors.notUnderWarranty' } })
    await decideWarranty(t.ctx, { id: b.id, decision: 'goodwill', reason: 'Langjähriger Kunde, Pumpe zum halben Preis', customerInformed: true })
    expect((await getCase(t.ctx, b.id))).toMatchObject({ warrantyDecision: 'goodwill', decisionReason: 'Langjähriger Kunde, Pumpe zum halben Preis' })
    await transitionCase(t.ctx, { id: a.id, to: 'acknowledged', note: '', customerInformed: false, rejectionReason: '' })
    await transitionCase(t.ctx, { id: a.id, to: 'resolved', note: '', customerInformed: false, rejectionReason: '' })
    expect((await getCase(t.ctx, a.id)).status).toBe('resolved')
  })

  it('a return with two lines goes through its steps; the case status follows', async () => {
    const { company } = await customer()
    const r = await createCase(t.ctx, caseInput(company.id, {
      type: 'return', subject: 'Falsche Sensoren geliefert', priority: 'normal',
      lines: [{ name: 'Sensorkit Temperatur/Druck', quantity: 4, reason: 'wrong_item' }, { name: 'Ersatzteilpaket', quantity: 1, reason: 'defective' }],
    }))
    expect(r).toMatchObject({ rmaNumber: `RMA-${r.number.slice(2)}`, returnStatus: 'requested', status: 'new' })
    expect(r.lines.map((l) => [l.name, l.quantity])).toEqual([['Sensorkit Temperatur/Druck', 4], ['Ersatzteilpaket', 1]])
    await expect(returnStep(t.ctx, { id: r.id, to: 'received', note: '', customerInformed: false })).rejects.toMatchObject({ message: 'errors.caseTransition' })
    const statuses: string[] = []
    for (const to of ['approved', 'received', 'inspected', 'credited'] as const) statuses.push((await returnStep(t.ctx, { id: r.id, to, note: '', customerInformed: to === 'credited' })).status)
    expect(statuses).toEqual(['acknowledged', 'in_progress', 'in_progress', 'resolved'])
    expect((await getCase(t.ctx, r.id)).returnStatus).toBe('credited')
  })
})

describe('referrals and feedback', () => {
  it('a referral creates the prospect; its won offer raises the thank-you reminder; the thanks are recorded', async () => {
    const { company, contact } = await customer()
    const referral = await createReferral(t.ctx, referralFieldsSchema.parse({ companyId: company.id, contactId: contact.id, prospectName: 'Harzer Feinmechanik GmbH', prospectCity: 'Goslar', prospectContactName: 'Paul Krüger', note: '' }))
    const prospect = await getCompany(t.ctx, referral.referredCompanyId)
    expect(prospect).toMatchObject({ name: 'Harzer Feinmechanik GmbH', status: 'prospect', leadSource: 'referral' })
    expect(referral.status).toBe('contacted')
    expect((await getCompany(t.ctx, company.id)).journey).toEqual({ station: 'referral', reason: 'referral' })
    const offer = await createOffer(t.ctx, offerFieldsSchema.parse({
      companyId: prospect.id, offerDate: '2026-11-24', validUntil: '2026-12-24', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
      items: [{ name: 'Prüfstand', quantity: 1, unit: 'Stück', unitPriceCents: 100_000, discountPercent: 0, vatRate: 19, optional: false }],
    }))
    await sendOffer(t.ctx, offer.id)
    expect((await getReferral(t.ctx, referral.id)).status).toBe('offer_sent')
    await winOffer(t.ctx, { id: offer.id, orderDate: '2026-11-24', orderValueCents: 100_000 })
    expect(await getReferral(t.ctx, referral.id)).toMatchObject({ status: 'won', thankDue: '2026-11-24' })
    const item = (await workList(t.ctx, { ownerId: '' })).dueToday.find((i) => i.source === 'referral')
    expect(item).toMatchObject({ kind: 'referral_thanks', companyName: 'Brunsviga Maschinenbau GmbH', detail: 'Harzer Feinmechanik GmbH' })
    await thankReferral(t.ctx, { id: referral.id, reward: 'Gutschein', rewardValueCents: 10_000, note: '' })
    expect((await workList(t.ctx, { ownerId: '' })).dueToday.find((i) => i.source === 'referral')).toBeUndefined()
  })

  it('an NPS of 9 raises the ask-for-referral reminder and counts as a promoter in the report', async () => {
    const { company, contact } = await customer()
    await createFeedback(t.ctx, feedbackFieldsSchema.parse({ companyId: company.id, contactId: contact.id, kind: 'nps', station: 'usage', givenOn: '2026-11-24', score: 9, comment: 'Sehr zuverlässig' }))
    await createFeedback(t.ctx, feedbackFieldsSchema.parse({ companyId: company.id, kind: 'nps', givenOn: '2026-11-24', score: 5, comment: '' }))
    const item = (await workList(t.ctx, { ownerId: '' })).dueToday.find((i) => i.source === 'feedback')
    expect(item).toMatchObject({ kind: 'ask_referral', detail: 'NPS 9: Sehr zuverlässig' })
    const report = await npsReport(t.ctx, { from: '2026-01-01', to: '2026-12-31', period: 'quarter' })
    expect(report.total).toMatchObject({ answers: 2, promoters: 1, detractors: 1, nps: 0 })
    expect(report.bySegment).toEqual([{ key: 'mid_market', answers: 2, promoters: 1, passives: 0, detractors: 1, nps: 0 }])
    expect((await getCompany(t.ctx, company.id)).journey).toEqual({ station: 'referral', reason: 'referral' })
  })
})

describe('bad input changes nothing', () => {
  const count = async (table: 'cases' | 'feedback' | 'case_lines') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  it('a case without customer, a return line with quantity 0, a warranty claim on another customer\'s asset', async () => {
    const { company } = await customer()
    const other = await customer('Andere GmbH')
    const foreign = await asset(other.company.id, '2026-01-01')
    const base = { type: 'complaint', channel: 'phone', receivedAt: '2026-11-24T09:00:00.000Z', subject: 'x', priority: 'normal' }
    expect(await dispatch(t.app, 'cases.create', { ...base, companyId: '' })).toMatchObject({ ok: false, error: { fields: { companyId: 'errors.caseCustomerRequired' } } })
    expect(await dispatch(t.app, 'cases.create', { ...base, companyId: company.id, type: 'return', lines: [{ name: 'Sensor', quantity: 0, reason: 'defective' }] }))
      .toMatchObject({ ok: false, error: { fields: { 'lines.0.quantity': 'errors.quantityPositive' } } })
    expect(await dispatch(t.app, 'cases.create', { ...base, companyId: company.id, type: 'warranty', assetId: foreign.id }))
      .toMatchObject({ ok: false, error: { fields: { assetId: 'errors.assetNotOfCustomer' } } })
    expect([await count('cases'), await count('case_lines')]).toEqual([0, 0])
  })

  it('an NPS of 11 and a complaint resolved without root cause are refused at their field', async () => {
    const { company } = await customer()
    expect(await dispatch(t.app, 'feedback.create', { companyId: company.id, kind: 'nps', givenOn: '2026-11-24', score: 11, comment: '' }))
      .toMatchObject({ ok: false, error: { fields: { score: 'errors.npsRange' } } })
    expect(await count('feedback')).toBe(0)
    const c = await createCase(t.ctx, caseInput(company.id))
    await transitionCase(t.ctx, { id: c.id, to: 'acknowledged', note: '', customerInformed: false, rejectionReason: '' })
    const before = await t.ctx.db.selectFrom('cases').selectAll().executeTakeFirstOrThrow()
    expect(await dispatch(t.app, 'cases.transition', { id: c.id, to: 'resolved', note: '' })).toMatchObject({ ok: false, error: { fields: { rootCause: 'errors.rootCauseRequired' } } })
    expect(await dispatch(t.app, 'cases.transition', { id: c.id, to: 'rejected', note: '' })).toMatchObject({ ok: false, error: { fields: { rejectionReason: 'errors.rejectionReasonRequired' } } })
    expect(await t.ctx.db.selectFrom('cases').selectAll().executeTakeFirstOrThrow()).toEqual(before)
  })
})
