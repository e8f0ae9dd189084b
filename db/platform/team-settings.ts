// A team's settings (table team_settings, synced with the team): one row per team and key, its id derived from
// both, so two managers who save the same key offline make the same record and the server meets them as one
// (a field conflict on `value`, never two rows). Below the modules: each module reads and writes its own key
// (health: success; offer rules: offers; service levels: service), checked by the key's schema in the row check.
import type { Selectable, Transaction } from 'kysely'
import type { Database } from '../database.types'
import { derivedId } from './ids'
import { insertSynced, updateSynced } from './synced-writes'
import { mayEditTeamSettingsHere } from '../../shared/platform/team-settings'

type Reader = Transaction<Database> | { selectFrom: Transaction<Database>['selectFrom'] }
/** A key some module registered (shared/modules/success/team-settings.ts names them all). */
type Key = Selectable<Database['team_settings']>['key']

/** UUID-shaped sha-256 of `team-setting:<team>:<key>` with version nibble 7, like the other derived ids. */
export function teamSettingId(teamId: string, key: Key): string {
  return derivedId(`team-setting:${teamId.toLowerCase()}:${key}`)
}

/** The stored JSON of a team's setting, or null when the team has none. */
export async function readTeamSetting(trx: Reader, teamId: string, key: Key): Promise<string | null> {
  const row = await trx.selectFrom('team_settings').select('value').where('team_id', '=', teamId).where('key', '=', key).where('deleted_at', 'is', null).executeTakeFirst()
  return row?.value ?? null
}

/** Writes the team's setting through the outbox; false when it was already so. */
export async function writeTeamSetting(trx: Transaction<Database>, teamId: string, key: Key, value: string, now: string): Promise<boolean> {
  const id = teamSettingId(teamId, key)
  const existing = await trx.selectFrom('team_settings').select(['id', 'deleted_at']).where('id', '=', id).executeTakeFirst()
  if (!existing) {
    await insertSynced(trx, 'team_settings', { id, team_id: teamId, key, value }, now)
    return true
  }
  return updateSynced(trx, 'team_settings', id, { value }, now)
}

/** Who edits the team's settings on this device: the user's team and role, and whether they may. */
export interface TeamSettingsEditor {
  teamId: string
  role: string
  connected: boolean
  canEdit: boolean
  /** A manager or admin without a team (who sees every team) picks the team whose settings they edit. */
  choosesTeam: boolean
}

/** The device setting that holds the team a manager without a team edits (local, never synced). */
export const SETTINGS_TEAM_KEY = 'settingsTeamId'

/** The teams this device knows: of its users and of its customers (a manager without a team pulls all of them). */
export async function knownTeamIds(db: Reader): Promise<string[]> {
  const users = await db.selectFrom('users').select('team_id').distinct().where('team_id', '!=', '').where('deleted_at', 'is', null).execute()
  const companies = await db.selectFrom('companies').select('team_id').distinct().where('team_id', '!=', '').where('deleted_at', 'is', null).execute()
  return [...new Set([...users, ...companies].map((r) => r.team_id))].sort()
}

/**
 * The current user's team (the synced user directory; the local user before the first sync, team '') and whether
 * they may change its settings (trigger rules, offer rules, service levels): managers and admins, or anyone on a
 * device that is not connected to a sync server (its single user edits their own). A connected manager or admin
 * without a team, on a device that knows teams, edits the team chosen on this device (SETTINGS_TEAM_KEY) while the device knows it; until one is
 * chosen they edit nothing (team '' would hold for nobody).
 */
export async function teamSettingsEditor(db: Reader, userId: string): Promise<TeamSettingsEditor> {
  const user = await db.selectFrom('users').select(['role', 'team_id']).where('id', '=', userId).executeTakeFirst()
  const connected = (await db.selectFrom('sync_state').select('key').where('key', '=', 'user').executeTakeFirst()) !== undefined
  const role = user?.role ?? ''
  const canEdit = mayEditTeamSettingsHere(role, connected)
  // A device that knows no team (nothing synced yet, or an organisation without teams) has only team '' to edit.
  const choosesTeam = connected && canEdit && (user?.team_id ?? '') === '' && (await knownTeamIds(db)).length > 0
  let teamId = user?.team_id ?? ''
  if (choosesTeam) {
    const chosen = await db.selectFrom('app_settings').select('value').where('key', '=', SETTINGS_TEAM_KEY).executeTakeFirst()
    if (chosen && (await knownTeamIds(db)).includes(chosen.value)) teamId = chosen.value
  }
  // Until a team is chosen there is nothing to edit: team '' holds for nobody.
  return { teamId, role, connected, canEdit: canEdit && !(choosesTeam && teamId === ''), choosesTeam }
}

/**
 * The team whose settings hold for a company: its own team; for a company made on this laptop and not yet synced
 * (team '' until the server places it in the pusher's team), the team of the user working here.
 */
export async function teamOfCompany(db: Reader, companyTeamId: string, userId: string): Promise<string> {
  if (companyTeamId) return companyTeamId
  const user = await db.selectFrom('users').select('team_id').where('id', '=', userId).executeTakeFirst()
  return user?.team_id ?? ''
}
