// What every letter shares (DIN 5008): the parties — this device's letterhead as the sender, the
// customer's address and contact, the rep who signs — and saving the rendered document with this
// device's logo under a safe name inside the documents folder.
import type { ServiceContext } from '../context'
import { deviceLetterhead, deviceLogo } from '../device-profile'
import { documentFileName, writeFileInside } from './document-files'
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

