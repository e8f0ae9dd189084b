// Discount approvals (issue 18) through the real sync server, on SQLite and PostgreSQL: a rep's offer at 18 % is
// refused when sent; her request reaches the manager's laptop, his approval (up to 15 %) comes back, and only the
// offer within the approved figures is sent; a higher discount afterwards needs a new approval. Forbidden decisions —
// a rep deciding, the requester deciding her own request, a second decision, a request in another's name, a 100 %
// discount by a rep — are refused by the laptop (nothing written) and, pushed by hand, by the server (nothing applied).
import { describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createOffer, sendOffer, updateOffer } from '../../electron/main/modules/offers/offer.service'
import { acknowledgeDecision, decideApproval, getDiscountState, requestApproval } from '../../electron/main/modules/offers/approval.service'
import { approvalItems } from '../../electron/main/modules/offers/approval-items'
import { orderRateReport } from '../../electron/main/modules/offers/order-rate.service'
import { readState } from '../../electron/main/modules/sync/state'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { harnessPerTest, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { markConnected, nordTeam } from '../helpers/nord-team'
import { completeLetterProfile } from '../helpers/letter-profile'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const offerInput = (companyId: string, discountPercent: number) => offerFieldsSchema.parse({
  companyId, offerDate: '2026-11-20', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
  items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 149_999, discountPercent, vatRate: 19, optional: false }],
})


const outboxOf = async (laptop: TestClient) => (await laptop.ctx.db.selectFrom('sync_outbox').select('op_id').execute()).length

describe.each(STORE_KINDS)('discount approvals on two laptops on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  async function team() {
    const { anna, ben, nora } = await nordTeam(server)
    await completeLetterProfile(anna.ctx)
    const company = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7', status: 'customer' })))
    return { anna, ben, nora, company }
  }

  it.skipIf(skip)('18 % is blocked, requested, approved up to 15 % by the manager on his laptop, and sent after the sync', async () => {
    const { anna, nora, company } = await team()
    const offer = await createOffer(anna.ctx, offerInput(company.id, 18))
    await expect(sendOffer(anna.ctx, offer.id)).rejects.toMatchObject({ message: 'errors.discountNeedsApproval' })
    expect(await getDiscountState(anna.ctx, offer.id)).toMatchObject({ exceeded: ['item'], sendable: false, canRequest: true })
    const requested = await requestApproval(anna.ctx, { offerId: offer.id, comment: 'Rahmenvertrag in Aussicht' })
    await expect(requestApproval(anna.ctx, { offerId: offer.id, comment: 'nochmal' })).rejects.toMatchObject({ message: 'errors.approvalOpen' })
    const id = requested.approvals[0]!.id
    await expect(decideApproval(anna.ctx, { id, decision: 'approved', limitPercent: null, reason: '' })).rejects.toMatchObject({ message: 'rights.denied.discounts.approve' })
    expect((await anna.sync()).rejected).toBe(0)

    await nora.sync()
    expect((await approvalItems(nora.ctx, { from: '', to: '2026-12-31', ownerId: nora.ctx.userId, limit: 10 })).map((i) => i.kind)).toEqual(['approvalRequested'])
    await expect(decideApproval(nora.ctx, { id, decision: 'declined', limitPercent: null, reason: ' ' })).rejects.toMatchObject({ fields: { reason: 'errors.declineReasonRequired' } })
    await expect(decideApproval(nora.ctx, { id, decision: 'approved', limitPercent: 30, reason: '' })).rejects.toMatchObject({ fields: { limitPercent: 'errors.approvedLimitTooHigh' } })
    nora.ctx.clock = () => new Date('2026-11-20T13:00:00.000Z')
    const decided = await decideApproval(nora.ctx, { id, decision: 'approved', limitPercent: 15, reason: '' })
    expect(decided.approvals[0]).toMatchObject({ status: 'approved', deciderName: 'Nora Vogt', approvedLimitPercent: 15, canDecide: false })
    await expect(decideApproval(nora.ctx, { id, decision: 'declined', limitPercent: null, reason: 'doch nicht' })).rejects.toMatchObject({ message: 'errors.approvalAlreadyDecided' })
    expect((await nora.sync()).rejected).toBe(0)

    await anna.sync()
    // Approved up to 15 %: the 18 % are not covered; at 15 % the offer goes out.
    expect(await getDiscountState(anna.ctx, offer.id)).toMatchObject({ sendable: false, canRequest: true })
    await expect(sendOffer(anna.ctx, offer.id)).rejects.toMatchObject({ message: 'errors.discountNeedsApproval' })
    await updateOffer(anna.ctx, offer.id, offerInput(company.id, 15))
    expect((await getDiscountState(anna.ctx, offer.id)).sendable).toBe(true)
    expect((await approvalItems(anna.ctx, { from: '', to: '2026-12-31', ownerId: anna.ctx.userId, limit: 10 })).map((i) => i.kind)).toEqual(['approvalDecided'])
    await acknowledgeDecision(anna.ctx, id)
    expect(await approvalItems(anna.ctx, { from: '', to: '2026-12-31', ownerId: anna.ctx.userId, limit: 10 })).toEqual([])
    expect((await sendOffer(anna.ctx, offer.id)).status).toBe('sent')
    expect((await anna.sync()).rejected).toBe(0)
    const report = await orderRateReport(anna.ctx, { from: '2026-11-01', to: '2026-11-30', period: 'month', ownerId: '', segment: '' })
    expect(report.approvals).toEqual({ offers: 1, decided: 1, medianHoursToDecision: 4 })
  })

  it.skipIf(skip)('forbidden requests and decisions: refused on the laptop with nothing written, and refused by the server when pushed by hand', async () => {
    const { anna, ben, nora, company } = await team()
    const max = await server.client('max')
    await markConnected(max)
    const reasonsOf = async (laptop: TestClient) => ((await readState(laptop.ctx.db, 'rejected')) as Array<{ reason: string }>).map((r) => r.reason)
    // A rep's 100 %: refused outright at the offer, not even requestable.
    await expect(createOffer(anna.ctx, offerInput(company.id, 100))).rejects.toMatchObject({ fields: { 'items.0.discountPercent': 'errors.discountOverCap' } })
    const offer = await createOffer(anna.ctx, offerInput(company.id, 18))
    const id = (await requestApproval(anna.ctx, { offerId: offer.id, comment: '' })).approvals[0]!.id
    await anna.sync()
    for (const laptop of [ben, nora, max]) await laptop.sync()

    // Ben (inside sales) may not decide: his service refuses, nothing is written.
    const before = await outboxOf(ben)
    await expect(decideApproval(ben.ctx, { id, decision: 'approved', limitPercent: null, reason: '' })).rejects.toMatchObject({ message: 'rights.denied.discounts.approve' })
    expect(await outboxOf(ben)).toBe(before)
    // Anna's laptop refuses her 100 % written past the offer form (the rights guard).
    const { insertSynced, updateSynced } = await import('../../db/platform/synced-writes')
    await expect(anna.ctx.db.transaction().execute((trx) => updateSynced(trx, 'offer_items', offer.items[0]!.id, { discount_percent: 100 }, '2026-11-20T10:00:00.000Z')))
      .rejects.toMatchObject({ message: 'rights.denied.discounts.beyondCap' })

    // Hand-crafted pushes. Ben's laptop tampered into a manager's: his decision and his 100 % are refused by the server.
    await ben.ctx.db.updateTable('users').set({ role: 'manager' }).where('id', '=', ben.ctx.userId).execute()
    await decideApproval(ben.ctx, { id, decision: 'approved', limitPercent: null, reason: '' })
    await ben.ctx.db.transaction().execute((trx) => updateSynced(trx, 'offer_items', offer.items[0]!.id, { discount_percent: 100 }, '2026-11-20T10:00:00.000Z'))
    expect((await ben.sync()).rejected).toBe(2)
    expect(await reasonsOf(ben)).toEqual(['forbidden', 'forbidden'])
    // Anna pushes a request in Ben's name.
    await anna.ctx.db.transaction().execute((trx) => insertSynced(trx, 'offer_approvals', {
      id: '01937f00-0000-7000-8000-0000000000aa', offer_id: offer.id, company_id: company.id, requested_by: ben.ctx.userId, requested_at: '2026-11-20T10:00:00.000Z', status: 'requested',
    }, '2026-11-20T10:00:00.000Z'))
    expect((await anna.sync()).rejected).toBe(1)
    expect(await reasonsOf(anna)).toEqual(['forbidden: approvalRequestedByOther'])

    // Nora's own request over her limit (25 %): her laptop refuses her own decision, the server her hand-crafted one.
    const own = await createOffer(nora.ctx, offerInput(company.id, 30))
    const ownId = (await requestApproval(nora.ctx, { offerId: own.id, comment: 'Messeangebot' })).approvals[0]!.id
    await expect(decideApproval(nora.ctx, { id: ownId, decision: 'approved', limitPercent: null, reason: '' })).rejects.toMatchObject({ message: 'errors.approvalOwnRequest' })
    await nora.ctx.db.transaction().execute((trx) => updateSynced(trx, 'offer_approvals', ownId, { status: 'approved', decided_by: nora.ctx.userId, decided_at: '2026-11-20T10:00:00.000Z' }, '2026-11-20T10:00:00.000Z'))
    expect((await nora.sync()).rejected).toBe(1)
    expect(await reasonsOf(nora)).toEqual(['forbidden: approvalOwnRequest'])

    // Decided twice: Nora declines Anna's request; Max, offline meanwhile, approves it too — the server keeps the first.
    await nora.sync()
    await decideApproval(nora.ctx, { id, decision: 'declined', limitPercent: null, reason: 'Marge zu gering' })
    await decideApproval(max.ctx, { id, decision: 'approved', limitPercent: null, reason: '' })
    expect((await nora.sync()).rejected).toBe(0)
    expect((await max.sync()).rejected).toBe(1)
    expect(await reasonsOf(max)).toEqual(['forbidden: approvalAlreadyDecided'])
    await max.sync()
    await anna.sync()
    for (const laptop of [anna, max]) expect((await getDiscountState(laptop.ctx, offer.id)).approvals[0]).toMatchObject({ status: 'declined', declineReason: 'Marge zu gering', deciderName: 'Nora Vogt' })
    // Max's laptop holds what the server holds: the one request of Anna's offer (her forged one never left her laptop's rejects).
    expect((await getDiscountState(max.ctx, offer.id)).approvals).toHaveLength(1)
    const stored = await server.h.store.db.selectFrom('sync_rows').select('data').where('table_name', '=', 'offer_approvals').execute()
    expect(stored.map((r) => JSON.parse(r.data).status).sort()).toEqual(['declined', 'requested'])
  })
})
