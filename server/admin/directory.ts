// What the team administration lists (issue 18): users, teams with their member counts, and every laptop that
// synced, with whose it is and when it last pushed and pulled.
import type { AdminDevice, AdminTeam, AdminUser } from '../../shared/modules/sync'
import type { Store } from '../store/open-store'

export async function adminUsers(store: Store): Promise<AdminUser[]> {
  const rows = await store.db.selectFrom('users')
    .select(['id', 'login', 'display_name', 'email', 'role', 'team_id', 'disabled_at', 'must_change_password']).orderBy('login').execute()
  return rows.map((u) => ({
    id: u.id, login: u.login, displayName: u.display_name, email: u.email, role: u.role, teamId: u.team_id,
    disabledAt: u.disabled_at, mustChangePassword: Boolean(u.must_change_password),
  }))
}

export async function adminTeams(store: Store): Promise<AdminTeam[]> {
  const rows = await store.db.selectFrom('teams')
    .select((eb) => ['id', 'name', eb.selectFrom('users').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('users.team_id', '=', 'teams.id').where('users.disabled_at', 'is', null).as('members')])
    .orderBy('name').execute()
  return rows.map((t) => ({ id: t.id, name: t.name, members: Number(t.members ?? 0) }))
}

export async function adminDevices(store: Store): Promise<AdminDevice[]> {
  const rows = await store.db.selectFrom('sync_clients').innerJoin('users', 'users.id', 'sync_clients.user_id')
    .select((eb) => [
      'sync_clients.client_id', 'sync_clients.user_id', 'sync_clients.last_push_at', 'sync_clients.last_pull_at', 'users.login', 'users.display_name',
      eb.selectFrom('sessions').select('sessions.device_name').whereRef('sessions.client_id', '=', 'sync_clients.client_id')
        .orderBy('sessions.created_at', 'desc').limit(1).as('device_name'),
    ])
    .orderBy('users.login').orderBy('sync_clients.client_id').execute()
  return rows.map((d) => ({
    clientId: d.client_id, deviceName: d.device_name ?? '', userId: d.user_id, login: d.login, displayName: d.display_name,
    lastPushAt: d.last_push_at, lastPullAt: d.last_pull_at,
  }))
}
