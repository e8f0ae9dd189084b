// What every letter shares (DIN 5008): the parties — this device's letterhead as the sender, the
// customer's address and contact, the rep who signs — and saving the rendered document with this
// device's logo as DOCX or PDF (the renderers of the letter model) under a safe name inside the
// documents folder, or in memory for a preview or a mail attachment.
import type { ServiceContext } from '../context'
import { deviceLetterhead, deviceLogo } from '../device-profile'
import { documentFileName, writeFileInside } from './document-files'
import type { LetterModel, RenderedLetter } from './letter-model'
import { joinPhone, signerName } from '../../../../shared/platform/letter-profile'
import type { LetterRep } from '../../../../shared/platform/letter.types'

const WARNING_KEYS: Record<string, string> = { logo_missing: 'offer.warnings.logoMissing', profile_incomplete: 'offer.warnings.profileIncomplete' }

/** Sender, addressee and the rep who signs: what every letter to this customer shares. */
export async function letterParties(ctx: ServiceContext, companyId: string, contactId: string, ownerId: string) {
  const company = await ctx.db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirstOrThrow()
  const contact = contactId ? await ctx.db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst() : undefined
  const owner = await ctx.db.selectFrom('users').selectAll().where('id', '=', ownerId).executeTakeFirst()
  const { logoPath: _logo, repName, repEmail, repJobTitle, repPhone, repMobile, repUserId, ...seller } = await deviceLetterhead(ctx)
  // The signature details on this device are its user's: a colleague's record is signed with the
  // colleague's name and e-mail and the company's main number, never with this user's title or line.
  // ... and only while they are still the current user's (another colleague may be working on it now).
  const mine = (!owner || owner.id === ctx.userId) && (!repUserId || repUserId === ctx.userId)
  const rep: LetterRep = mine
    ? {
        name: repName || signerName(owner?.display_name ?? ctx.userName), jobTitle: repJobTitle, phone: joinPhone(seller.phone, repPhone),
        mobile: repMobile, email: repEmail || owner?.email || '',
      }
    : { name: signerName(owner?.display_name ?? ctx.userName), jobTitle: '', phone: seller.phone, email: owner?.email ?? '' }
  return {
    language: contact?.language === 'en' ? 'en' as const : 'de' as const,
    seller,
    recipient: {
      companyName: company.name, street: company.street, postalCode: company.postal_code, city: company.city,
      salutation: contact?.salutation ?? 'none', title: contact?.title ?? '',
      firstName: contact?.first_name ?? '', lastName: contact?.last_name ?? '', jobFunction: contact?.job_function ?? '',
    },
    customerNumber: company.customer_number,
    rep,
  }
}

export type LetterFormat = 'docx' | 'pdf'

const EXTENSIONS: Record<LetterFormat, string> = { docx: 'docx', pdf: 'pdf' }

/**
 * A letter model as DOCX or PDF, the renderer loaded on first use: neither docx nor pdfmake is needed
 * to start the app. `pageCount` is known for a PDF only.
 */
export async function renderLetter(model: LetterModel, format: LetterFormat): Promise<RenderedLetter & { pageCount?: number }> {
  if (format === 'pdf') return (await import('./pdf-render')).renderPdf(model)
  return (await import('./docx-render')).renderDocx(model)
}

/** A document's name without its extension, which the format gives. */
export type LetterName = Omit<Parameters<typeof documentFileName>[0], 'extension'>

/**
 * A letter with this device's logo, in memory: its safe file name, bytes, page count (PDF) and the
 * warnings (i18n keys) it was made despite. Nothing is written.
 */
export async function makeLetter(ctx: ServiceContext, build: (logo: Buffer | null) => LetterModel, format: LetterFormat, name: LetterName) {
  const logo = await deviceLogo(ctx)
  const { buffer, warnings, pageCount } = await renderLetter(build(logo.data), format)
  const all = [...new Set([...(logo.missing ? ['logo_missing'] : []), ...warnings])]
  return { fileName: documentFileName({ ...name, extension: EXTENSIONS[format] }), buffer, pageCount: pageCount ?? 0, warnings: all.map((w) => WARNING_KEYS[w] ?? w) }
}

/** A letter with this device's logo, saved under a safe name in the documents folder. */
export async function saveLetter(ctx: ServiceContext, build: (logo: Buffer | null) => LetterModel, format: LetterFormat, name: LetterName, documentsDir: string) {
  const { fileName, buffer, warnings } = await makeLetter(ctx, build, format, name)
  const savedPath = await writeFileInside(documentsDir, fileName, buffer)
  return { fileName, base64: buffer.toString('base64'), warnings, savedPath }
}
