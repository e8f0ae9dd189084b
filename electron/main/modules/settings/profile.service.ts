// The device profile as the settings page shows and saves it: the letterhead and every station's settings.
import { companyProfileSchema, type CompanyProfileSettings } from '../../../../shared/modules/settings'
import type { ServiceContext } from '../../platform/context'
import { deviceSettings, writeDeviceProfile } from '../../platform/device-profile'

export const getProfile = (ctx: ServiceContext): Promise<CompanyProfileSettings> => deviceSettings(ctx, companyProfileSchema)

export async function updateProfile(ctx: ServiceContext, profile: CompanyProfileSettings): Promise<CompanyProfileSettings> {
  await writeDeviceProfile(ctx, profile)
  return getProfile(ctx)
}
