// The offer station's services on a real database: conversation → offer → send → follow-ups →
// won/lost, revisions, numbering on two databases, the price-list import, the order-rate report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { createConversation } from '../../electron/main/modules/offers/conversation.service'
import { completeWorkListItem, snoozeWorkListItem, workList, workListIcs } from '../../electron/main/modules/worklist/worklist.service'
import { createOffer, expireOffers, getOffer, loseOffer, reviseOffer, sendOffer, updateOffer, winOffer } from '../../electron/main/modules/offers/offer.service'
import { orderRateReport } from '../../electron/main/modules/offers/order-rate.service'
import { importProducts, listProducts } from '../../electron/main/modules/offers/product.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { conversationFieldsSchema, offerFieldsSchema, offerLoseSchema, type OfferFieldsInput } from '../../shared/modules/offers/offer.schema'
import { eventLine } from '../../shared/i18n/event-text'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-19T09:00:00.000Z') // a Thursday
})
afterEach(async () => t.cleanup())

async function customer(state = 'NI') {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', federalState: state })))
  const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', language: 'de', buyingRole: 'purchaser' }))
  return { company, contact }
}

const item = (o: Record<string, unknown> = {}) => ({ name: 'Prüfstand PS-200', quantity: 2, unit: 'Stück', unitPriceCents: 149_999, discountPercent: 5, vatRate: 19 as 19 | 7 | 0, optional: false, ...o })
const offerInput = (companyId: string, o: Partial<OfferFieldsInput> = {}) => offerFieldsSchema.parse({
  companyId, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 2, skontoDays: 10,
  items: [item(), item({ name: 'Schulung', quantity: 1, unit: 'Tag', unitPriceCents: 89_000, discountPercent: 0, vatRate: 19 }), item({ name: 'Fachbuch', quantity: 3, unitPriceCents: 4990, discountPercent: 0, vatRate: 7 }), item({ name: 'Wartungsvertrag', quantity: 1, unitPriceCents: 120_000, optional: true })],
  ...o,
})

describe('offers', () => {
  it('starts from a pre-offer conversation, computes totals per VAT rate, and numbers per device', async () => {
    const { company, contact } = await customer()
    const conversation = await createConversation(t.ctx, conversationFieldsSchema.parse({
      companyId: company.id, heldAt: '2026-11-12', needs: 'Prüfzeiten halbieren', worries: 'Stillstand bei der Umstellung',
      participants: [{ contactId: contact.id, buyingRole: 'decision_maker', influence: 'high', attitude: 'supporter', caresAbout: 'Termintreue' }],
    }))
    expect(conversation.participants).toMatchObject([{ contactName: 'Anna Berger', buyingRole: 'decision_maker' }])
    const offer = await createOffer(t.ctx, offerInput(company.id, { contactId: contact.id, conversationId: conversation.id }))
    expect(offer.number).toMatch(/^A-2026-[0-9A-Z]{5}-0001$/)
    expect(offer.status).toBe('draft')
    // 2 × 1.499,99 × 0,95 = 2.849,981 → 2.849,98; + 890,00 = 3.739,98 at 19 %; 3 × 49,90 = 149,70 at 7 %.
    expect(offer.totals).toMatchObject({ itemsNetCents: 388968, netCents: 388968, vatCents: 71060 + 1048, grossCents: 388968 + 72108, optionalNetCents: 114000 })
    expect(offer.totals.vat).toEqual([{ rate: 19, baseCents: 373998, vatCents: 71060 }, { rate: 7, baseCents: 14970, vatCents: 1048 }])
    const second = await createOffer(t.ctx, offerInput(company.id))
    expect(second.number).toBe(offer.number.replace(/0001$/, '0002'))
  })

  it('an open offer puts the customer at the offer station; a decided one no longer does', async () => {
    const { getCompany } = await import('../../electron/main/modules/customers/company.service')
    const { company } = await customer()
    const offer = await createOffer(t.ctx, offerInput(company.id))
    expect((await getCompany(t.ctx, company.id)).journey).toEqual({ station: 'offer', reason: 'open_offer' })
    await sendOffer(t.ctx, offer.id)
    await winOffer(t.ctx, { id: offer.id, orderDate: '2026-11-19', orderValueCents: 10_000 })
    expect((await getCompany(t.ctx, company.id)).journey.reason).not.toBe('open_offer')
  })

  it('two databases never give the same offer number', async () => {
    const other = await openTestDb()
    try {
      const { company } = await customer()
      const b = await createCompany(other.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '' })))
      const mine = await createOffer(t.ctx, offerInput(company.id))
      const theirs = await createOffer(other.ctx, offerFieldsSchema.parse({ ...offerInput(b.id) }))
      expect(mine.number).not.toBe(theirs.number)
      expect(mine.number.slice(-4)).toBe(theirs.number.slice(-4))
    } finally {
      await other.cleanup()
    }
  })

  it('bad input: negative quantity, discount over 100 %, validity before the offer date are field errors', () => {
    const bad = offerFieldsSchema.safeParse(offerInput('01a20309-f425-7005-9f7f-eb16f4f89d31', {}) && {
      companyId: '01a20309-f425-7005-9f7f-eb16f4f89d31', offerDate: '2026-11-19', validUntil: '2026-11-01', offerDiscountPercent: 120, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
      items: [item({ quantity: -1, unitPriceCents: -500 })],
    })
    expect(bad.success).toBe(false)
    const paths = bad.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`)
    expect(paths).toEqual(expect.arrayContaining(['items.0.quantity:errors.quantityPositive', 'items.0.unitPriceCents:errors.notNegative', 'offerDiscountPercent:errors.percentMax', 'validUntil:errors.validBeforeOfferDate']))
  })

  it('sending freezes the revision, plans follow-ups on business days of the customer\'s state, and refuses edits in place', async () => {
    const { company, contact } = await customer('NI')
    const offer = await createOffer(t.ctx, offerInput(company.id, { contactId: contact.id }))
    const sent = await sendOffer(t.ctx, offer.id)
    expect(sent.status).toBe('sent')
    expect(sent.currentRevisionSent).toBe(true)
    // Thu 19.11. + 3 business days = Tue 24.11.; + 10 = Thu 03.12.; 5 days before 19.12. = Mon 14.12.
    expect(sent.followUps.map((f) => [f.kind, f.dueDate])).toEqual([['after_first', '2026-11-24'], ['after_second', '2026-12-03'], ['before_expiry', '2026-12-14']])
    await expect(updateOffer(t.ctx, offer.id, offerInput(company.id, { contactId: contact.id, benefits: 'geändert' }))).rejects.toMatchObject({ message: 'errors.offerSentUseRevision' })
    const revised = await reviseOffer(t.ctx, offer.id)
    expect(revised).toMatchObject({ revision: 2, status: 'negotiation', currentRevisionSent: false })
    const changed = await updateOffer(t.ctx, offer.id, offerInput(company.id, { contactId: contact.id, offerDiscountPercent: 3 }))
    expect(changed.totals.offerDiscountCents).toBeGreaterThan(0)
    const resent = await sendOffer(t.ctx, offer.id)
    expect(resent.revisions.map((r) => r.revision)).toEqual([1, 2])
    const first = await t.ctx.db.selectFrom('offer_revisions').select('snapshot').where('revision', '=', 1).executeTakeFirstOrThrow()
    expect(JSON.parse(first.snapshot).offer.offerDiscountPercent).toBe(0) // revision 1 stays as it was sent
    expect(resent.followUps.filter((f) => f.status === 'open')).toHaveLength(3) // no duplicates on resend
  })

  it('follows the cadence of the company\'s team', async () => {
    const { updateTeamRules, getTeamRules } = await import('../../electron/main/modules/settings/team-rules.service')
    await updateTeamRules(t.ctx, { ...(await getTeamRules(t.ctx, {})).rules, followUpFirstDays: 2, followUpSecondDays: 5, followUpDaysBeforeExpiry: 3 })
    const { company } = await customer('BY')
    const offer = await createOffer(t.ctx, offerInput(company.id))
    const sent = await sendOffer(t.ctx, offer.id)
    // Thu 19.11. + 2 business days = Mon 23.11.; + 5 = Thu 26.11.; 3 days before 19.12. = Wed 16.12.
    expect(sent.followUps.map((f) => f.dueDate)).toEqual(['2026-11-23', '2026-11-26', '2026-12-16'])
  })

  it('an offer without items cannot be sent, and nothing changes', async () => {
    const { company } = await customer()
    const offer = await createOffer(t.ctx, offerInput(company.id, { items: [item({ optional: true })] }))
    await expect(sendOffer(t.ctx, offer.id)).rejects.toMatchObject({ fields: { items: 'errors.offerWithoutItems' } })
    expect((await getOffer(t.ctx, offer.id)).status).toBe('draft')
    expect(await t.ctx.db.selectFrom('follow_ups').selectAll().execute()).toEqual([])
  })

  it('the work list has the follow-up; completing it records a touchpoint; losing needs a reason; closing ends open follow-ups', async () => {
    const { company, contact } = await customer()
    const offer = await createOffer(t.ctx, offerInput(company.id, { contactId: contact.id }))
    await sendOffer(t.ctx, offer.id)
    const list = await workList(t.ctx, { ownerId: '', today: '2026-11-24' })
    expect(list.dueToday.map((i) => [i.source === 'offer' ? i.offerNumber : i.source, i.contactName])).toEqual([[offer.number, 'Anna Berger']])
    t.setNow('2026-11-24T10:00:00.000Z')
    await completeWorkListItem(t.ctx, { source: 'offer', id: list.dueToday[0]!.id, channel: 'phone', outcome: 'Entscheidung nächste Woche' })
    const timeline = (await t.ctx.db.selectFrom('touchpoints').select(['summary', 'message_key', 'message_params']).where('company_id', '=', company.id).execute())
      .map((r) => eventLine('de', { messageKey: r.message_key, messageParams: r.message_params, text: r.summary }))
    expect(timeline).toContain(`Nachgefasst (Angebot ${offer.number}) – Entscheidung nächste Woche`)
    expect((await getOffer(t.ctx, offer.id)).status).toBe('negotiation')
    const next = (await workList(t.ctx, { ownerId: '', today: '2026-11-24' })).upcoming[0]!
    await expect(snoozeWorkListItem(t.ctx, { source: 'offer', id: next.id, until: '2026-11-20' })).rejects.toMatchObject({ fields: { until: 'errors.snoozeFuture' } })
    await snoozeWorkListItem(t.ctx, { source: 'offer', id: next.id, until: '2026-12-07' })
    expect(offerLoseSchema.safeParse({ id: offer.id, reason: '' }).success).toBe(false)
    expect(offerLoseSchema.safeParse({ id: offer.id, reason: 'competitor' }).error?.issues[0]?.message).toBe('errors.competitorRequired')
    const lost = await loseOffer(t.ctx, offerLoseSchema.parse({ id: offer.id, reason: 'competitor', competitor: 'Hansa Prüftechnik', note: '' }))
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'competitor', lostCompetitor: 'Hansa Prüftechnik' })
    expect(lost.followUps.filter((f) => f.status === 'open')).toEqual([])
    const ics = await workListIcs(t.ctx, { ownerId: '' })
    expect(ics.content).toContain('BEGIN:VCALENDAR')
  })

  it('the order rate counts by number and value, compares with/without conversation, and ranks lost reasons', async () => {
    const { company, contact } = await customer()
    const conversation = await createConversation(t.ctx, conversationFieldsSchema.parse({ companyId: company.id, heldAt: '2026-11-10', needs: 'x' }))
    const make = async (withConversation: boolean) => {
      const o = await createOffer(t.ctx, offerInput(company.id, { contactId: contact.id, conversationId: withConversation ? conversation.id : '' }))
      await sendOffer(t.ctx, o.id)
      return o
    }
    const a = await make(true)
    const b = await make(true)
    const c = await make(false)
    const d = await make(false)
    await winOffer(t.ctx, { id: a.id, orderDate: '2026-11-19', orderValueCents: 400_000 })
    await loseOffer(t.ctx, { id: b.id, reason: 'price', competitor: '', note: '' })
    await loseOffer(t.ctx, { id: c.id, reason: 'competitor', competitor: 'Hansa', note: '' })
    await loseOffer(t.ctx, { id: d.id, reason: 'price', competitor: '', note: '' })
    const report = await orderRateReport(t.ctx, { from: '2026-11-01', to: '2026-11-30', period: 'month', ownerId: '', segment: '' })
    expect(report.total).toMatchObject({ decided: 4, won: 1, lost: 3, rateByCount: 0.25 })
    expect(report.total.rateByValue).toBeCloseTo(400000 / (400000 + 3 * a.totals.grossCents), 6)
    expect(report.withConversation).toMatchObject({ decided: 2, won: 1, rateByCount: 0.5 })
    expect(report.withoutConversation).toMatchObject({ decided: 2, won: 0, rateByCount: 0 })
    expect(report.lostReasons.map((r) => [r.reason, r.count])).toEqual([['price', 2], ['competitor', 1]])
    expect(report.lostReasons.at(-1)!.cumulativeShare).toBe(1)
    expect(report.byPeriod.map((r) => r.key)).toEqual(['2026-11'])
  })

  it('expires offers past their validity and closes their follow-ups', async () => {
    const { company } = await customer()
    const offer = await createOffer(t.ctx, offerInput(company.id))
    await sendOffer(t.ctx, offer.id)
    t.setNow('2026-12-20T08:00:00.000Z')
    expect(await expireOffers(t.ctx)).toBe(1)
    const expired = await getOffer(t.ctx, offer.id)
    expect(expired.status).toBe('expired')
    expect(expired.followUps.every((f) => f.status !== 'open')).toBe(true)
  })
})

describe('price list import', () => {
  const csv = 'Artikelnummer;Bezeichnung;Preis;MwSt;Einheit\nPS-200;Prüfstand PS-200;"1.499,99";19;Stück\nBU-1;Fachbuch;49,90;7;Stück\n'
  const mapping = { sku: 'Artikelnummer', name: 'Bezeichnung', listPrice: 'Preis', vatRate: 'MwSt', unit: 'Einheit' }

  it('imports German CSV with decimal commas through a column mapping', async () => {
    const report = await importProducts(t.ctx, { csv, mapping, dryRun: false })
    expect(report).toMatchObject({ imported: 2, updated: 0, rejected: [] })
    const products = await listProducts(t.ctx, { search: '', activeOnly: false, offset: 0, limit: 10 })
    expect(products.rows.map((p) => [p.sku, p.listPriceCents, p.vatRate])).toEqual([['BU-1', 4990, 7], ['PS-200', 149_999, 19]])
  })

  it('a file with a bad row imports nothing and reports the line and field', async () => {
    const broken = `${csv}XX-9;Ohne Preis;;19;Stück\nPS-200;Doppelt;1,00;19;Stück\nYY-1;Falsche Steuer;10,00;16;Stück\n`
    const report = await importProducts(t.ctx, { csv: broken, mapping, dryRun: false })
    expect(report.imported).toBe(0)
    expect(report.rejected).toEqual([
      { line: 4, errors: { listPrice: expect.any(String) } },
      { line: 5, errors: { sku: 'errors.skuDuplicateInFile' } },
      { line: 6, errors: { vatRate: 'errors.invalidChoice' } },
    ])
    expect((await listProducts(t.ctx, { search: '', activeOnly: false, offset: 0, limit: 10 })).total).toBe(0)
    expect(await t.ctx.db.selectFrom('sync_outbox').selectAll().where('table_name', '=', 'products').execute()).toEqual([])
  })
})
