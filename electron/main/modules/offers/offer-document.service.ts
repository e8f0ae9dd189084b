// The offer letter of a revision: built from the frozen snapshot when sent, from the live offer as a
// preview otherwise; saved in the documents folder next to the database, one file per revision. The
// number and the snapshot may come from another laptop: the file name is made safe by document-files,
// and the logo is always this device's own (a snapshot carries none; an old one's logoPath is ignored).
import type { OfferLetterInput } from '../../../../shared/modules/offers/offer-letter.types'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { getOffer } from './offer.service'
import { type RevisionSnapshot, buildLetterInput } from './offer-letter-input'
import { saveLetter } from '../../platform/documents/letters'

/** The letter a sent revision froze, without the logo path snapshots written before logos stayed on the device carried. */
function frozenLetter(snapshot: string): OfferLetterInput {
  // A cast on a stored value, kept on purpose: the snapshot is JSON this app wrote from a typed RevisionSnapshot
  // (sendOffer), and the row schema lets only an object without path keys in, so it is read back as that type;
  // checking the whole letter again would need a schema of it. Snapshots from before logos stayed on the device
  // may still carry the sender's logoPath, hence the wider seller type.
  const { letter } = JSON.parse(snapshot) as RevisionSnapshot
  const { logoPath: _ignored, ...seller } = letter.seller as OfferLetterInput['seller'] & { logoPath?: unknown }
  return { ...letter, seller }
}

export async function offerDocument(ctx: ServiceContext, input: { id: string; revision?: number }, documentsDir: string) {
  const offer = await getOffer(ctx, input.id)
  const revision = input.revision ?? offer.revision
  const stored = await ctx.db.selectFrom('offer_revisions').select('snapshot').where('offer_id', '=', offer.id).where('revision', '=', revision).where('deleted_at', 'is', null).executeTakeFirst()
  if (!stored && revision !== offer.revision) throw new AppError('not_found', 'errors.notFound')
  const letter = stored ? frozenLetter(stored.snapshot) : await buildLetterInput(ctx, offer)
  const qualifiers = [revision > 1 ? `Rev${revision}` : '', stored ? '' : 'Entwurf']
  return saveLetter(ctx, (logo) => offerLetterDocx(letter, logo), { kind: 'Angebot', number: offer.number, qualifiers, recordId: offer.id, extension: 'docx' }, documentsDir)
}

/** The offer letter as DOCX (offer-letter.ts), loaded on first use: the docx library is not needed to start the app. */
export async function offerLetterDocx(letter: OfferLetterInput, logo: Buffer | null = null): Promise<{ buffer: Buffer; warnings: string[] }> {
  const { renderOfferLetter } = await import('./offer-letter')
  return renderOfferLetter(letter, logo)
}
