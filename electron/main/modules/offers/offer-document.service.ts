// The offer letter of a revision: built from the frozen snapshot when sent, from the live offer as a
// preview otherwise; saved in the documents folder next to the database, one file per revision. The
// number and the snapshot may come from another laptop: the file name is made safe by document-files,
// and the logo is always this device's own (a snapshot carries none; an old one's logoPath is ignored).
import type { OfferLetterInput } from '../../../../shared/modules/offers/offer-letter.types'
import type { Offer } from '../../../../shared/modules/offers/offer.types'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { documentFileName, writeFileInside } from '../../platform/documents/document-files'
import { getOffer } from './offer.service'
import { deviceLogo, getProfile } from '../settings/profile.service'

export interface RevisionSnapshot {
  offer: Offer
  letter: OfferLetterInput
}

/** Sender, addressee and the rep who signs: what every letter to this customer shares. */
export async function letterParties(ctx: ServiceContext, companyId: string, contactId: string, ownerId: string) {
  const company = await ctx.db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirstOrThrow()
  const contact = contactId ? await ctx.db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst() : undefined
  const owner = await ctx.db.selectFrom('users').selectAll().where('id', '=', ownerId).executeTakeFirst()
  const profile = await getProfile(ctx)
  const { logoPath: _logo, repJobTitle, repPhone, defaultDeliveryTerms: _d, followUpFirstDays: _f, followUpSecondDays: _s, followUpDaysBeforeExpiry: _e, lostReasons: _l, renewalLeadDays: _r, serviceLevels: _v, ...seller } = profile
  return {
    language: contact?.language === 'en' ? 'en' as const : 'de' as const,
    seller,
    recipient: {
      companyName: company.name, street: company.street, postalCode: company.postal_code, city: company.city,
      salutation: (contact?.salutation as 'mr' | 'ms' | 'none' | undefined) ?? 'none', title: contact?.title ?? '',
      firstName: contact?.first_name ?? '', lastName: contact?.last_name ?? '', jobFunction: contact?.job_function ?? '',
    },
    customerNumber: company.customer_number,
    rep: { name: owner?.display_name ?? ctx.userName, jobTitle: repJobTitle, phone: repPhone, email: owner?.email ?? '' },
  }
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
      position: i.position, sku: i.sku, name: i.name, description: i.description, quantity: i.quantity, unit: i.unit, unitPriceCents: Math.round(i.unitPrice * 100),
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

const WARNING_KEYS: Record<string, string> = { logo_missing: 'offer.warnings.logoMissing', profile_incomplete: 'offer.warnings.profileIncomplete' }

/** The letter a sent revision froze, without the logo path snapshots written before logos stayed on the device carried. */
function frozenLetter(snapshot: string): OfferLetterInput {
  const { letter } = JSON.parse(snapshot) as RevisionSnapshot
  const { logoPath: _ignored, ...seller } = letter.seller as OfferLetterInput['seller'] & { logoPath?: unknown }
  return { ...letter, seller }
}

/** Renders a letter with this device's logo and saves it under a safe name in the documents folder. */
export async function saveLetter(
  ctx: ServiceContext,
  render: (logo: Buffer | null) => Promise<{ buffer: Buffer; warnings: string[] }>,
  name: Parameters<typeof documentFileName>[0],
  documentsDir: string,
) {
  const logo = await deviceLogo(ctx)
  const { buffer, warnings } = await render(logo.data)
  const all = [...new Set([...(logo.missing ? ['logo_missing'] : []), ...warnings])]
  const fileName = documentFileName(name)
  const savedPath = await writeFileInside(documentsDir, fileName, buffer)
  return { fileName, base64: buffer.toString('base64'), warnings: all.map((w) => WARNING_KEYS[w] ?? w), savedPath }
}

export async function offerDocument(ctx: ServiceContext, input: { id: string; revision?: number }, documentsDir: string) {
  const offer = await getOffer(ctx, input.id)
  const revision = input.revision ?? offer.revision
  const stored = await ctx.db.selectFrom('offer_revisions').select('snapshot').where('offer_id', '=', offer.id).where('revision', '=', revision).where('deleted_at', 'is', null).executeTakeFirst()
  if (!stored && revision !== offer.revision) throw new AppError('not_found', 'errors.notFound')
  const letter = stored ? frozenLetter(stored.snapshot) : await buildLetterInput(ctx, offer)
  // Loaded on first use: the docx library is not needed to start the app.
  const { renderOfferLetter } = await import('./din5008-letter')
  const qualifiers = [revision > 1 ? `Rev${revision}` : '', stored ? '' : 'Entwurf']
  return saveLetter(ctx, (logo) => renderOfferLetter(letter, logo), { kind: 'Angebot', number: offer.number, qualifiers, recordId: offer.id, extension: 'docx' }, documentsDir)
}
