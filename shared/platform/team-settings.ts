// Who changes a team's settings (table team_settings, synced with the team; the keys and their schemas are the
// modules', registered in shared/modules/success/team-settings.ts) and how a stored value is read: here, below the
// modules, so that every station reads the settings of its own key without depending on the others.
import type { z } from 'zod'
import { may, RIGHTS } from './rights'

/** Roles that may change a team setting: the rights matrix's `teamSettings.write` (shared/platform/rights.ts). */
export const TEAM_SETTING_EDITORS = RIGHTS['teamSettings.write']
export const mayEditTeamSettings = (role: string): boolean => may(role, 'teamSettings.write')

/**
 * Whether the user may change their team's settings on this device: the editors, or anyone on a device that is not
 * connected to a sync server (its single user changes their own, for team '').
 */
export const mayEditTeamSettingsHere = (role: string, connected: boolean): boolean => !connected || mayEditTeamSettings(role)

/** A stored value read with its key's schema; `fallback` when the team has none or it does not parse. */
export function readSettingValue<S extends z.ZodType>(schema: S, json: string | null | undefined, fallback: z.output<S>): z.output<S> {
  if (!json) return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}
