// Settings that hold for a whole team and sync with it (table team_settings): one row per team and key, the value
// JSON checked by the key's schema on the laptop and on the sync server (row-schemas.ts). Issue 17 brings the
// health score's key; issue 18 the offer station's rules (follow-up cadence, lost-reason catalogue) and the service
// levels, which were set per device before.
import { z } from 'zod'
import { healthSettingsSchema } from './health.settings'
import { DISCOUNT_LIMITS_KEY, discountLimitsSchema, OFFER_RULES_KEY, offerRulesSchema } from '../offers'
import { SERVICE_LEVELS_KEY, serviceSettingsSchema } from '../service'
import { LEAD_RULES_KEY, leadRulesSchema } from '../leads'
export { TEAM_SETTING_EDITORS, mayEditTeamSettings, mayEditTeamSettingsHere } from '../../platform/team-settings'

export const TEAM_SETTING_SCHEMAS = {
  health: healthSettingsSchema,
  [OFFER_RULES_KEY]: offerRulesSchema,
  [SERVICE_LEVELS_KEY]: serviceSettingsSchema,
  [DISCOUNT_LIMITS_KEY]: discountLimitsSchema,
  [LEAD_RULES_KEY]: leadRulesSchema,
} as const satisfies Record<string, z.ZodType>
export type TeamSettingKey = keyof typeof TEAM_SETTING_SCHEMAS
export const TEAM_SETTING_KEYS = Object.keys(TEAM_SETTING_SCHEMAS) as [TeamSettingKey, ...TeamSettingKey[]]

/** Whether `json` is a valid value of `key`. */
export function teamSettingValueOk(key: TeamSettingKey, json: string): boolean {
  try {
    return TEAM_SETTING_SCHEMAS[key].safeParse(JSON.parse(json)).success
  } catch {
    return false
  }
}

/**
 * The stored value column: JSON that one of the keys' schemas accepts. The row schema checks columns one by
 * one (an update may carry the value alone), so the value must fit some key; the service writes it under its own, and the sync server checks a pushed value
 * against its own key (server/sync/push.ts).
 */
export const teamSettingValueJson = z.string().max(20_000).refine((json) => TEAM_SETTING_KEYS.some((key) => teamSettingValueOk(key, json)))
