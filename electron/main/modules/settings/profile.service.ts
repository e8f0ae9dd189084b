// The device profile as the settings page and the first-start assistant show and save it: the
// letterhead, the user's own signature details and every station's settings. The user's name and
// e-mail are also their users row's while no sync server names them, so lists and timelines show them.
import { companyProfileSchema, type CompanyProfileSettings } from '../../../../shared/modules/settings'
import { signerName } from '../../../../shared/platform/letter-profile'
import type { ServiceContext } from '../../platform/context'
import { deviceSettings, writeDeviceProfile } from '../../platform/device-profile'

/** The user working on this device, and whether a sync server named them (then their name is the server's). */
async function currentUser(ctx: ServiceContext) {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', ctx.userId).executeTakeFirst()
  const state = await ctx.db.selectFrom('sync_state').select('value').where('key', '=', 'user').executeTakeFirst()
  let serverUserId = ''
  try {
    const parsed: unknown = state ? JSON.parse(state.value) : null
    if (parsed && typeof parsed === 'object' && 'id' in parsed && typeof parsed.id === 'string') serverUserId = parsed.id
  } catch {
    // Damaged bookkeeping: treat the user as local.
  }
  // Only this device's own placeholder row is renamed: never a row a sync server sent (a colleague chosen
  // as "who is working", or the signed-in user), whose name is the server's.
  return { user, local: !!user && user.server_version === null && user.id !== serverUserId && serverUserId === '' }
}

const REP_FIELDS = { repName: '', repEmail: '', repJobTitle: '', repPhone: '', repMobile: '' } as const

/** The profile; a name and e-mail not typed here yet come from the user's row (never the local placeholder). */
export async function getProfile(ctx: ServiceContext): Promise<CompanyProfileSettings> {
  const stored = await deviceSettings(ctx, companyProfileSchema)
  // Signature details saved for another user of this device are not this user's: they are asked anew.
  const profile = stored.repUserId && stored.repUserId !== ctx.userId ? { ...stored, ...REP_FIELDS, repUserId: '' } : stored
  const { user } = await currentUser(ctx)
  return { ...profile, repName: profile.repName || signerName(user?.display_name ?? ''), repEmail: profile.repEmail || (user?.email ?? '') }
}

export async function updateProfile(ctx: ServiceContext, profile: CompanyProfileSettings): Promise<CompanyProfileSettings> {
  const own: CompanyProfileSettings = { ...profile, repUserId: ctx.userId }
  await writeDeviceProfile(ctx, own)
  const { user, local } = await currentUser(ctx)
  // The users table is pulled from the server, never pushed: a local user's row is this device's own.
  if (user && local && profile.repName) {
    await ctx.db.updateTable('users').set({ display_name: profile.repName, email: profile.repEmail }).where('id', '=', user.id).execute()
    ctx.userName = profile.repName
  }
  return getProfile(ctx)
}
