// The team's rules (issue 18): the follow-up cadence and lost-reason catalogue of offers (team setting `offerRules`),
// the service levels (team setting `serviceLevels`) and the discount limits per role (`discountLimits`), synced with the team. Everyone reads them; a manager or an
// admin changes them (a device without a sync server: its single user, for team ''), the sync server refuses the
// change from anyone else. They were device settings before: `adoptDeviceTeamRules` takes a device's values into
// its team once, when the team has none yet and the user may change them.
import type { Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { knownTeamIds, readTeamSetting, SETTINGS_TEAM_KEY, teamOfCompany, teamSettingsEditor, writeTeamSetting } from '../../../../db/platform/team-settings'
import { writeSetting } from '../../../../db/platform/local.repository'
import { DISCOUNT_LIMITS_KEY, discountLimitsSchema, OFFER_RULES_KEY, offerRulesSchema, readDiscountLimits, readOfferRules, type DiscountLimits, type OfferRules } from '../../../../shared/modules/offers'
import { readServiceSettings, SERVICE_LEVELS_KEY, serviceSettingsSchema, type ServiceSettings } from '../../../../shared/modules/service'
import type { SettingsTeamView, TeamRules, TeamRulesView } from '../../../../shared/modules/settings'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { readDeviceProfile } from '../../platform/device-profile'

type Reader = { selectFrom: Transaction<Database>['selectFrom'] }

async function rulesOf(db: Reader, teamId: string): Promise<{ rules: TeamRules; custom: boolean }> {
  const offers = await readTeamSetting(db, teamId, OFFER_RULES_KEY)
  const service = await readTeamSetting(db, teamId, SERVICE_LEVELS_KEY)
  const discounts = await readTeamSetting(db, teamId, DISCOUNT_LIMITS_KEY)
  return {
    rules: { ...readOfferRules(offers), ...readServiceSettings(service), discountLimits: readDiscountLimits(discounts) },
    custom: offers !== null || service !== null || discounts !== null,
  }
}

/** The rules of the user's team, or of a company's team (the lost reasons its offers offer). */
export async function getTeamRules(ctx: ServiceContext, input: { companyId?: string | undefined }): Promise<TeamRulesView> {
  const editor = await teamSettingsEditor(ctx.db, ctx.userId)
  let teamId = editor.teamId
  if (input.companyId) {
    const company = await ctx.db.selectFrom('companies').select('team_id').where('id', '=', input.companyId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!company) throw new AppError('not_found', 'errors.notFound')
    teamId = await teamOfCompany(ctx.db, company.team_id, ctx.userId)
  }
  const { rules, custom } = await rulesOf(ctx.db, teamId)
  return { rules, canEdit: editor.canEdit && teamId === editor.teamId, teamId, custom }
}

/**
 * Saves the rules of the user's team (already checked by the channel's schema) as its team settings; discount
 * limits left out keep the team's (they are not written).
 */
export async function updateTeamRules(ctx: ServiceContext, input: Omit<TeamRules, 'discountLimits'> & { discountLimits?: DiscountLimits }): Promise<TeamRulesView> {
  const editor = await teamSettingsEditor(ctx.db, ctx.userId)
  if (!editor.canEdit) throw new AppError('forbidden', 'errors.teamRulesNotAllowed')
  const offers: OfferRules = offerRulesSchema.parse({
    followUpFirstDays: input.followUpFirstDays, followUpSecondDays: input.followUpSecondDays, followUpDaysBeforeExpiry: input.followUpDaysBeforeExpiry,
    lostReasons: [...new Set(input.lostReasons)],
  })
  const service: ServiceSettings = serviceSettingsSchema.parse({ serviceLevels: input.serviceLevels })
  const discounts = input.discountLimits ? discountLimitsSchema.parse(input.discountLimits) : null
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    await writeTeamSetting(trx, editor.teamId, OFFER_RULES_KEY, JSON.stringify(offers), now)
    await writeTeamSetting(trx, editor.teamId, SERVICE_LEVELS_KEY, JSON.stringify(service), now)
    if (discounts) await writeTeamSetting(trx, editor.teamId, DISCOUNT_LIMITS_KEY, JSON.stringify(discounts), now)
  })
  return getTeamRules(ctx, {})
}

const OFFER_RULE_FIELDS = ['followUpFirstDays', 'followUpSecondDays', 'followUpDaysBeforeExpiry', 'lostReasons'] as const

/**
 * Before issue 18 the cadence, the lost reasons and the service levels were part of the device profile. At start,
 * values this device saved are taken into the team of the device's user when the team has no such setting yet and
 * the user may change it (an unconnected device: team ''); a rep's device keeps them unused (the team's values
 * hold, they are never pushed). The profile keeps them until it is saved again; answers the keys written.
 */
export async function adoptDeviceTeamRules(ctx: ServiceContext): Promise<string[]> {
  const profile = await readDeviceProfile(ctx)
  if (!profile || typeof profile !== 'object') return []
  const stored = profile as Record<string, unknown>
  const offerValues = Object.fromEntries(OFFER_RULE_FIELDS.filter((f) => f in stored).map((f) => [f, stored[f]]))
  const candidates: Array<{ key: typeof OFFER_RULES_KEY | typeof SERVICE_LEVELS_KEY; value: unknown }> = []
  if (Object.keys(offerValues).length > 0) {
    const parsed = offerRulesSchema.safeParse(offerValues)
    if (parsed.success) candidates.push({ key: OFFER_RULES_KEY, value: parsed.data })
  }
  if ('serviceLevels' in stored) {
    const parsed = serviceSettingsSchema.safeParse({ serviceLevels: stored.serviceLevels })
    if (parsed.success) candidates.push({ key: SERVICE_LEVELS_KEY, value: parsed.data })
  }
  if (candidates.length === 0) return []
  const editor = await teamSettingsEditor(ctx.db, ctx.userId)
  if (!editor.canEdit) return []
  const written: string[] = []
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    for (const { key, value } of candidates) {
      if ((await readTeamSetting(trx, editor.teamId, key)) !== null) continue
      await writeTeamSetting(trx, editor.teamId, key, JSON.stringify(value), now)
      written.push(key)
    }
  })
  return written
}

/** Whether the user picks the team whose settings they edit (a manager or admin without a team), and which. */
export async function getSettingsTeam(ctx: ServiceContext): Promise<SettingsTeamView> {
  const editor = await teamSettingsEditor(ctx.db, ctx.userId)
  return { choosesTeam: editor.choosesTeam, teamId: editor.teamId, teamIds: editor.choosesTeam ? await knownTeamIds(ctx.db) : [] }
}

/** Chooses that team (a device setting): only for a manager or admin without a team, only a team the device knows. */
export async function chooseSettingsTeam(ctx: ServiceContext, teamId: string): Promise<SettingsTeamView> {
  const editor = await teamSettingsEditor(ctx.db, ctx.userId)
  if (!editor.choosesTeam) throw new AppError('forbidden', 'errors.settingsTeamNotChoosable')
  if (!(await knownTeamIds(ctx.db)).includes(teamId)) throw fieldError('teamId', 'errors.teamUnknown')
  await writeSetting(ctx.db, SETTINGS_TEAM_KEY, teamId)
  return getSettingsTeam(ctx)
}
