// Accounts and teams, as the admin command line manages them. Users are published to clients as a
// read-only directory (table `users`), so owner names show everywhere.
import { newId } from '../../db/platform/ids'
import { ORG_SCOPE, ROLES, type Role } from '../../shared/modules/sync'
import { hashPassword } from '../auth/passwords'
import { clearLoginThrottle } from '../auth/rate-limit'
import type { Store } from '../store/open-store'
import type { ServerUserTable } from '../store/schema'
import { writeWithSequence } from '../sync/sequence'
import { AdminError } from './admin-error'
import { guardLastAdmin } from './rules'

export { AdminError }

export async function createTeam(store: Store, name: string, now = new Date()): Promise<string> {
  const trimmed = name.trim()
  if (!trimmed) throw new AdminError('team name must not be empty', 'empty_team_name')
  const existing = await store.db.selectFrom('teams').select('id').where('name', '=', trimmed).executeTakeFirst()
  if (existing) throw new AdminError(`team "${trimmed}" exists already`, 'duplicate_team')
  const id = newId()
  await store.db.insertInto('teams').values({ id, name: trimmed, created_at: now.toISOString() }).execute()
  return id
}

export async function teamIdByName(store: Store, name: string): Promise<string> {
  const team = await store.db.selectFrom('teams').select('id').where((eb) => eb.or([eb('name', '=', name), eb('id', '=', name)])).executeTakeFirst()
  if (!team) throw new AdminError(`no team "${name}"`, 'unknown_team')
  return team.id
}

export interface NewUser {
  login: string
  displayName: string
  email?: string
  role: Role
  teamId?: string
  password: string
  /** A password the admin chose or was given (the app's one-time password): its owner sets their own at first login. */
  mustChangePassword?: boolean
}

async function publish(store: Store, user: Omit<ServerUserTable, 'password_hash' | 'must_change_password'>): Promise<void> {
  await writeWithSequence(store, async (trx, seq) => {
    const version = seq.next()
    const data = JSON.stringify({ display_name: user.display_name, email: user.email, role: user.role, team_id: user.team_id })
    const existing = await trx.selectFrom('sync_rows').select('id').where('table_name', '=', 'users').where('id', '=', user.id).executeTakeFirst()
    if (existing) {
      await trx.updateTable('sync_rows').set({ data, version, deleted: user.disabled_at ? 1 : 0 }).where('table_name', '=', 'users').where('id', '=', user.id).execute()
    } else {
      await trx.insertInto('sync_rows').values({
        table_name: 'users', id: user.id, scope_id: ORG_SCOPE, parent_id: null, version, deleted: 0, data,
        field_versions: '{}', created_seq: version, updated_by: 'admin',
      }).execute()
    }
  })
}

export async function createUser(store: Store, input: NewUser, now = new Date()): Promise<string> {
  const login = input.login.trim().toLowerCase()
  if (!/^[a-z0-9._@-]{2,100}$/.test(login)) throw new AdminError('login: 2–100 characters of a–z, 0–9, . _ @ -')
  if (!ROLES.includes(input.role)) throw new AdminError(`role must be one of ${ROLES.join(', ')}`)
  if (await store.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst()) throw new AdminError(`user "${login}" exists already`, 'duplicate_login')
  if (input.teamId && !(await store.db.selectFrom('teams').select('id').where('id', '=', input.teamId).executeTakeFirst())) throw new AdminError('no such team', 'unknown_team')
  const user = {
    id: newId(), login, display_name: input.displayName.trim() || login, email: input.email ?? '', role: input.role,
    team_id: input.teamId ?? '', created_at: now.toISOString(), disabled_at: null,
  }
  await store.db.insertInto('users').values({ ...user, password_hash: await hashPassword(input.password), must_change_password: input.mustChangePassword ? 1 : 0 }).execute()
  await publish(store, user)
  return user.id
}

async function userByLogin(store: Store, login: string) {
  const user = await store.db.selectFrom('users').selectAll().where('login', '=', login.trim().toLowerCase()).executeTakeFirst()
  if (!user) throw new AdminError(`no user "${login}"`, 'unknown_user')
  return user
}

/**
 * A new password also ends every session of the user: a stolen token stops working. `oneTime`: the app's reset,
 * whose password the admin saw; its owner must choose their own at the next login.
 */
export async function resetPassword(store: Store, login: string, password: string, now = new Date(), oneTime = false): Promise<void> {
  const user = await userByLogin(store, login)
  await store.db.updateTable('users').set({ password_hash: await hashPassword(password), must_change_password: oneTime ? 1 : 0 }).where('id', '=', user.id).execute()
  await store.db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute()
}

export async function setUserTeam(store: Store, login: string, teamId: string): Promise<void> {
  const user = await userByLogin(store, login)
  if (teamId && !(await store.db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) throw new AdminError('no such team', 'unknown_team')
  await store.db.updateTable('users').set({ team_id: teamId }).where('id', '=', user.id).execute()
  const { password_hash: _hash, must_change_password: _must, ...rest } = user
  await publish(store, { ...rest, team_id: teamId })
}

/** A change of role; the last active admin keeps theirs (guardLastAdmin), so somebody can still administer. */
export async function setUserRole(store: Store, login: string, role: Role): Promise<void> {
  const user = await userByLogin(store, login)
  await guardLastAdmin(store, user.id, async (trx) => {
    await trx.updateTable('users').set({ role }).where('id', '=', user.id).execute()
  }, role === 'admin')
  const { password_hash: _hash, must_change_password: _must, ...rest } = user
  await publish(store, { ...rest, role })
}

export async function disableUser(store: Store, login: string, now = new Date()): Promise<void> {
  const user = await userByLogin(store, login)
  await guardLastAdmin(store, user.id, async (trx) => {
    await trx.updateTable('users').set({ disabled_at: now.toISOString() }).where('id', '=', user.id).execute()
    await trx.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute()
  })
  const { password_hash: _hash, must_change_password: _must, ...rest } = user
  await publish(store, { ...rest, disabled_at: now.toISOString() })
}

export async function listUsers(store: Store) {
  return store.db.selectFrom('users').leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.login', 'users.display_name', 'users.role', 'teams.name as team', 'users.disabled_at']).orderBy('users.login').execute()
}

/** Lets a user who mistyped their password too often try again at once (from every address). */
export async function unblockLogin(store: Store, login: string): Promise<number> {
  return clearLoginThrottle(store.db, login.trim().toLowerCase())
}
