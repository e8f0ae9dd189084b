// What a letter needs from the sender before it may go out, and how the signer's phone is written.
// Pure: the offer service refuses to send while `missingLetterDetails` is not empty, and the screens
// (the first-start assistant, the offer page) ask the same function, so both always agree.
import type { CompanyProfile, LetterRep } from './letter.types'

/**
 * The name a device gives its first, local user before anyone typed theirs (settings'
 * `ensureCurrentUser`). It owns records in lists, but a letter is never signed with it.
 */
export const LOCAL_USER_NAME = 'Lokaler Benutzer'

/** A user's display name as a signature: '' for the local placeholder. */
export const signerName = (displayName: string): string => (displayName.trim() === LOCAL_USER_NAME ? '' : displayName.trim())

/**
 * The details a German business letter of a company must carry (§ 35a GmbHG, § 37a HGB: name,
 * registered address, register court and number, managing directors; the VAT ID and bank details the
 * offer's payment terms refer to), plus the name of whoever signs. Keys are the device profile's fields.
 */
export const REQUIRED_COMPANY_DETAILS = ['name', 'street', 'postalCode', 'city', 'managingDirectors', 'registerCourt', 'registerNumber', 'vatId', 'iban'] as const
export const REQUIRED_SIGNER_DETAILS = ['repName'] as const
export type LetterDetail = (typeof REQUIRED_COMPANY_DETAILS)[number] | (typeof REQUIRED_SIGNER_DETAILS)[number]

/** The required details that are still empty, in the order the profile asks for them (none: ready to send). */
export function missingLetterDetails(p: Pick<CompanyProfile, (typeof REQUIRED_COMPANY_DETAILS)[number]> & { repName: string }): LetterDetail[] {
  const missing: LetterDetail[] = REQUIRED_SIGNER_DETAILS.filter((k) => !signerName(p[k]))
  for (const k of REQUIRED_COMPANY_DETAILS) if (!p[k].trim()) missing.push(k)
  return missing
}

/** The same check on what a letter is made from (the sender and the rep who signs). */
export const missingLetterDetailsOf = (letter: { seller: CompanyProfile; rep: Pick<LetterRep, 'name'> }): LetterDetail[] =>
  missingLetterDetails({ ...letter.seller, repName: letter.rep.name })

/** A full number (international, national or with an area code in brackets), not an extension. */
const FULL_NUMBER = /^[+0(]/

/**
 * The signer's direct line, DIN 5008: the company's main number with the extension joined by a hyphen,
 * the switchboard's own extension replaced ("+49 511 987650-0" and "12" → "+49 511 987650-12"). An
 * extension typed as a full number stays as it is; no extension gives the main number; an extension
 * without a main number gives '' (never "-12" alone).
 */
export function joinPhone(main: string, extension: string): string {
  const ext = extension.trim()
  const base = main.trim()
  if (!ext) return base
  if (FULL_NUMBER.test(ext)) return ext
  const digits = ext.replace(/^[-\s]+/, '')
  if (!base) return ''
  return `${base.replace(/\s*-\s*\d+$/, '')}-${digits}`
}
