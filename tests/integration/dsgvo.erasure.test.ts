// The erasure on one laptop (electron/main/modules/dsgvo): the open-offer question, withdrawing the offer
// in the same transaction, a person created and erased offline (the outbox keeps its positions, with
// placeholders instead of the person), and the erasure channels through the dispatcher.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { createTouchpoint } from '../../electron/main/modules/customers/touchpoint.service'
import { eraseContact, erasurePreview, listErasures } from '../../electron/main/modules/dsgvo'
import { createOffer, getOffer, sendOffer } from '../../electron/main/modules/offers/offer.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { touchpointFieldsSchema } from '../../shared/modules/customers/touchpoint.schema'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { completeLetterProfile } from '../helpers/letter-profile'
import { scanLaptopTables } from '../helpers/erasure-scan'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-19T09:00:00.000Z')
  await completeLetterProfile(t.ctx)
})
afterEach(async () => t.cleanup())

async function person() {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '' })))
  const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'mr', firstName: 'Xaver', lastName: 'Quirinsky', language: 'de' }))
  return { company, contact }
}

const offerFor = (companyId: string, contactId: string) => offerFieldsSchema.parse({
  companyId, contactId, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
  items: [{ name: 'Schulung', quantity: 1, unit: 'Tag', unitPriceCents: 89_000, discountPercent: 0, vatRate: 19, optional: false }],
})

describe('erasing a person on this laptop', () => {
  it('asks about an open offer, then withdraws it with the erasure and keeps it without the person', async () => {
    const { contact, company } = await person()
    const offer = await sendOffer(t.ctx, (await createOffer(t.ctx, offerFor(company.id, contact.id))).id)
    expect((await erasurePreview(t.ctx, contact.id)).openOffers).toEqual([{ id: offer.id, number: offer.number, status: 'sent' }])
    await expect(eraseContact(t.ctx, { id: contact.id })).rejects.toMatchObject({ code: 'validation', fields: { offerDecision: 'dsgvo.errors.offerDecisionRequired' } })
    const result = await eraseContact(t.ctx, { id: contact.id, offerDecision: 'withdraw' })
    expect(result.withdrawnOffers).toBe(1)
    const after = await getOffer(t.ctx, offer.id)
    expect(after).toMatchObject({ status: 'withdrawn', contactId: '' })
    expect(after.followUps.every((f) => f.status === 'cancelled')).toBe(true)
    expect(await scanLaptopTables(t.ctx.db, ['Quirinsky', 'Xaver'])).toEqual([])
    expect((await listErasures(t.ctx)).entries).toEqual([expect.objectContaining({ rowId: contact.id, offerDecision: 'withdraw', pending: true })])
  })

  it('a person created and erased offline leaves placeholders at their outbox positions, nothing of them', async () => {
    const { contact, company } = await person()
    await createTouchpoint(t.ctx, touchpointFieldsSchema.parse({ companyId: company.id, contactId: contact.id, occurredAt: '2026-11-19T08:00:00.000Z', channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer', summary: 'Rückruf Quirinsky' }))
    const before = (await sql<{ client_seq: number }>`select client_seq from sync_outbox order by client_seq`.execute(t.ctx.db)).rows.map((r) => r.client_seq)
    await eraseContact(t.ctx, { id: contact.id })
    const ops = (await sql<{ client_seq: number; table_name: string; kind: string; fields: string }>`select client_seq, table_name, kind, fields from sync_outbox order by client_seq`.execute(t.ctx.db)).rows
    expect(ops.map((o) => o.client_seq).slice(0, before.length)).toEqual(before)
    expect(ops.find((o) => o.table_name === 'contacts')).toMatchObject({ kind: 'update', fields: '{}' })
    expect(JSON.parse(ops.find((o) => o.table_name === 'touchpoints')!.fields)).toMatchObject({ contact_id: { new: null }, summary: { new: '—' } })
    expect(ops.at(-1)).toMatchObject({ table_name: 'erasures', kind: 'insert' })
    expect(await scanLaptopTables(t.ctx.db, ['Quirinsky', 'Xaver'])).toEqual([])
  })
})
