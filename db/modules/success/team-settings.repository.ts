// A team's settings (table team_settings, synced with the team): one row per team and key, its id derived from
// both, so two managers who save the same key offline make the same record and the server meets them as one
// (a field conflict on `value`, never two rows).
import { derivedId } from '../../platform/ids'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.types'
import { insertSynced, updateSynced } from '../../platform/synced-writes'
import type { TeamSettingKey } from '../../../shared/modules/success'

/** UUID-shaped sha-256 of `team-setting:<team>:<key>` with version nibble 7, like the other derived ids. */
export function teamSettingId(teamId: string, key: TeamSettingKey): string {
  return derivedId(`team-setting:${teamId.toLowerCase()}:${key}`)
}

/** The stored JSON of a team's setting, or null when the team has none. */
export async function readTeamSetting(trx: Transaction<Database> | { selectFrom: Transaction<Database>['selectFrom'] }, teamId: string, key: TeamSettingKey): Promise<string | null> {
  const row = await trx.selectFrom('team_settings').select('value').where('team_id', '=', teamId).where('key', '=', key).where('deleted_at', 'is', null).executeTakeFirst()
  return row?.value ?? null
}

/** Writes the team's setting through the outbox; false when it was already so. */
export async function writeTeamSetting(trx: Transaction<Database>, teamId: string, key: TeamSettingKey, value: string, now: string): Promise<boolean> {
  const id = teamSettingId(teamId, key)
  const existing = await trx.selectFrom('team_settings').select(['id', 'deleted_at']).where('id', '=', id).executeTakeFirst()
  if (!existing) {
    await insertSynced(trx, 'team_settings', { id, team_id: teamId, key, value }, now)
    return true
  }
  return updateSynced(trx, 'team_settings', id, { value }, now)
}
