// Settings that hold for a whole team and sync with it (table team_settings): one row per team and key, the value
// JSON checked by the key's schema on the laptop and on the sync server (row-schemas.ts). Issue 17 brings the
// health score's key; later issues (rights, cadences) add theirs here.
import { z } from 'zod'
import { may, RIGHTS } from '../../platform/rights'
import { healthSettingsSchema } from './health.settings'

export const TEAM_SETTING_SCHEMAS = {
  health: healthSettingsSchema,
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
 * one (an update may carry the value alone), so the value must fit some key; the service writes it under its own.
 */
export const teamSettingValueJson = z.string().max(20_000).refine((json) => TEAM_SETTING_KEYS.some((key) => teamSettingValueOk(key, json)))

/** Roles that may change a team setting: the rights matrix's `teamSettings.write` (shared/platform/rights.ts). */
export const TEAM_SETTING_EDITORS = RIGHTS['teamSettings.write']
export const mayEditTeamSettings = (role: string): boolean => may(role, 'teamSettings.write')
