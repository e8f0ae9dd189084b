// The offer letter of a revision, as DOCX or PDF: built from the frozen snapshot when sent, from the
// live offer as a draft otherwise; saved in the documents folder next to the database, one file per
// revision and format — or made in memory, for the preview on the offer page and the mail module's
// attachment. The number and the snapshot may come from another laptop: the file name is made safe by
// document-files, and the logo is always this device's own (a snapshot carries none; an old one's
// logoPath is ignored).
import type { OfferLetterInput } from '../../../../shared/modules/offers/offer-letter.types'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { getOffer } from './offer.service'
import { offerLetterModel } from './offer-letter'
import { type RevisionSnapshot, buildLetterInput } from './offer-letter-input'
import { makeLetter, renderLetter, saveLetter, type LetterFormat, type LetterName } from '../../platform/documents/letters'

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

export interface OfferRevisionRef {
  id: string
  /** The offer's current revision when absent. */
  revision?: number
}

/** What the letter of a revision says, and the name its file gets. */
async function revisionLetter(ctx: ServiceContext, input: OfferRevisionRef): Promise<{ letter: OfferLetterInput; name: LetterName }> {
  const offer = await getOffer(ctx, input.id)
  const revision = input.revision ?? offer.revision
  const stored = await ctx.db.selectFrom('offer_revisions').select('snapshot').where('offer_id', '=', offer.id).where('revision', '=', revision).where('deleted_at', 'is', null).executeTakeFirst()
  if (!stored && revision !== offer.revision) throw new AppError('not_found', 'errors.notFound')
  const letter = stored ? frozenLetter(stored.snapshot) : await buildLetterInput(ctx, offer)
  const qualifiers = [revision > 1 ? `Rev${revision}` : '', stored ? '' : 'Entwurf']
  return { letter, name: { kind: 'Angebot', number: offer.number, qualifiers, recordId: offer.id } }
}

/** The letter of a revision as DOCX (default) or PDF, saved in `documentsDir`. */
export async function offerDocument(ctx: ServiceContext, input: OfferRevisionRef & { format?: LetterFormat }, documentsDir: string) {
  const { letter, name } = await revisionLetter(ctx, input)
  return saveLetter(ctx, (logo) => offerLetterModel(letter, logo), input.format ?? 'docx', name, documentsDir)
}

/**
 * The PDF of a revision, in memory, for the mail module to attach: a sent revision's is made from its
 * snapshot and so is the same bytes every time. Nothing is written to disk.
 */
export async function offerPdf(ctx: ServiceContext, input: OfferRevisionRef): Promise<{ fileName: string; buffer: Buffer }> {
  const { letter, name } = await revisionLetter(ctx, input)
  const { fileName, buffer } = await makeLetter(ctx, (logo) => offerLetterModel(letter, logo), 'pdf', name)
  return { fileName, buffer }
}

/** The PDF of a revision for the offer page's preview of its first page; nothing is written. */
export async function offerPreview(ctx: ServiceContext, input: OfferRevisionRef): Promise<{ base64: string; pageCount: number }> {
  const { letter, name } = await revisionLetter(ctx, input)
  const { buffer, pageCount } = await makeLetter(ctx, (logo) => offerLetterModel(letter, logo), 'pdf', name)
  return { base64: buffer.toString('base64'), pageCount }
}

/** The offer letter as DOCX, without the device (tests and the benchmark). */
export const offerLetterDocx = (letter: OfferLetterInput, logo: Buffer | null = null) => renderLetter(offerLetterModel(letter, logo), 'docx')

/** The offer letter as PDF, without the device (tests and the benchmark). */
export const offerLetterPdf = (letter: OfferLetterInput, logo: Buffer | null = null) => renderLetter(offerLetterModel(letter, logo), 'pdf')
