// What an offer letter says, gathered from the offer, the conversation and the parties: stored with a
// sent revision (its snapshot), so the document of that revision never changes.
import type { OfferLetterInput } from '../../../../shared/modules/offers/offer-letter.types'
import type { Offer } from '../../../../shared/modules/offers/offer.types'
import type { ServiceContext } from '../../platform/context'
import { letterParties } from '../../platform/documents/letters'

export interface RevisionSnapshot {
  offer: Offer
  letter: OfferLetterInput
}

/** Everything the letter needs, gathered now; stored with a sent revision so its document never changes. */
export async function buildLetterInput(ctx: ServiceContext, offer: Offer): Promise<OfferLetterInput> {
  const parties = await letterParties(ctx, offer.companyId, offer.contactId, offer.ownerId)
  const conversation = offer.conversationId ? await ctx.db.selectFrom('conversations').selectAll().where('id', '=', offer.conversationId).executeTakeFirst() : undefined
  return {
    language: parties.language,
    seller: parties.seller,
    recipient: parties.recipient,
    offerNumber: offer.number,
    revision: offer.revision,
    offerDate: offer.offerDate,
    validUntil: offer.validUntil,
    customerNumber: parties.customerNumber,
    conversation: conversation
      ? { date: conversation.held_at, needs: conversation.needs, goals: conversation.goals, worries: conversation.worries, decisionCriteria: conversation.decision_criteria }
      : null,
    benefits: offer.benefits,
    introduction: offer.introduction,
    items: offer.items.map((i) => ({
      position: i.position, sku: i.sku, name: i.name, description: i.description, quantity: i.quantity, unit: i.unit, unitPriceCents: i.unitPriceCents,
      discountPercent: i.discountPercent, vatRate: i.vatRate, netCents: i.netCents, optional: i.optional,
    })),
    totals: {
      itemsNetCents: offer.totals.itemsNetCents, offerDiscountPercent: offer.offerDiscountPercent, offerDiscountCents: offer.totals.offerDiscountCents,
      netCents: offer.totals.netCents, vat: offer.totals.vat, grossCents: offer.totals.grossCents, optionalNetCents: offer.totals.optionalNetCents,
    },
    paymentTerms: { netDays: offer.paymentNetDays, skontoPercent: offer.skontoPercent, skontoDays: offer.skontoDays },
    deliveryTerms: offer.deliveryTerms,
    rep: parties.rep,
  }
}
