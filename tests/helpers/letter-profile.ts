// A complete letter profile: the signer's name and contact details and the company's legal details,
// without which an offer is not sent (shared/platform/letter-profile.ts). Test databases start with
// it (openTestDb), as the end-to-end fixture's apps do; `openTestDb({ fresh: true })` starts without.
import { updateProfile } from '../../electron/main/modules/settings/profile.service'
import type { ServiceContext } from '../../electron/main/platform/context'
import { companyProfileSchema, type CompanyProfileSettings } from '../../shared/modules/settings'

export const COMPLETE_LETTER_PROFILE = {
  repName: 'Jan Petersen', repEmail: 'j.petersen@nordlicht.example', repJobTitle: 'Vertrieb Norddeutschland', repPhone: '42',
  name: 'Nordlicht Anlagenbau GmbH', street: 'Podbielskistraße 120', postalCode: '30177', city: 'Hannover', phone: '+49 511 123456-0',
  email: 'vertrieb@nordlicht.example', managingDirectors: 'Dr. Karin Weber', registerCourt: 'Amtsgericht Hannover', registerNumber: 'HRB 123456',
  vatId: 'DE123456789', bankName: 'Sparkasse Hannover', iban: 'DE89 3704 0044 0532 0130 00', bic: 'SPKHDE2HXXX',
}

/** Saves the complete profile (with `overrides`) the way the settings page does. */
export async function completeLetterProfile(ctx: ServiceContext, overrides: Partial<CompanyProfileSettings> = {}): Promise<CompanyProfileSettings> {
  return updateProfile(ctx, companyProfileSchema.parse({ ...COMPLETE_LETTER_PROFILE, ...overrides }))
}
