// A team's settings (table team_settings, synced with the team): the storage is db/platform/team-settings.ts, shared
// by the modules that own a key; here typed with the keys the success module registers (shared/modules/success).
import type { Transaction } from 'kysely'
import type { Database } from '../../database.types'
import type { TeamSettingKey } from '../../../shared/modules/success'
import { readTeamSetting as readSetting, teamSettingId as settingId, writeTeamSetting as writeSetting } from '../../platform/team-settings'
export { teamOfCompany, teamSettingsEditor, type TeamSettingsEditor } from '../../platform/team-settings'

/** UUID-shaped sha-256 of `team-setting:<team>:<key>` with version nibble 7, like the other derived ids. */
export const teamSettingId = (teamId: string, key: TeamSettingKey): string => settingId(teamId, key)

/** The stored JSON of a team's setting, or null when the team has none. */
export const readTeamSetting = (trx: Transaction<Database> | { selectFrom: Transaction<Database>['selectFrom'] }, teamId: string, key: TeamSettingKey): Promise<string | null> =>
  readSetting(trx, teamId, key)

/** Writes the team's setting through the outbox; false when it was already so. */
export const writeTeamSetting = (trx: Transaction<Database>, teamId: string, key: TeamSettingKey, value: string, now: string): Promise<boolean> =>
  writeSetting(trx, teamId, key, value, now)
