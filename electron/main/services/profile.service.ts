// The seller's company profile for letters, stored with the device settings.
import { companyProfileSchema, type CompanyProfileSettings } from '../../../shared/domain/offers/profile.schema'
import type { ServiceContext } from './context'

const KEY = 'companyProfile'

export async function getProfile(ctx: ServiceContext): Promise<CompanyProfileSettings> {
  const row = await ctx.db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst()
  let stored: unknown = {}
  try {
    stored = row ? JSON.parse(row.value) : {}
  } catch {
    stored = {}
  }
  const parsed = companyProfileSchema.safeParse(stored)
  return parsed.success ? parsed.data : companyProfileSchema.parse({})
}

export async function updateProfile(ctx: ServiceContext, profile: CompanyProfileSettings): Promise<CompanyProfileSettings> {
  const value = JSON.stringify(profile)
  await ctx.db.insertInto('app_settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
  return getProfile(ctx)
}
