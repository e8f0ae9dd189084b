// Team administration through the sync server (issue 18): admins manage users, managers see people and devices and
// create teams, the last admin stays, one-time passwords are replaced at the next login; every refusal writes
// nothing and is logged with ids only. On SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTeam, createUser } from '../../server/admin/accounts'
import { createApp } from '../../server/app'
import { openTestStore, PASSWORD, postgresAvailable, STORE_KINDS, type TestStore } from '../helpers/sync-harness'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the server admin suite')

describe.each(STORE_KINDS)('team administration on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  let ts: TestStore
  let app: ReturnType<typeof createApp>
  let nord: string
  const clock = { now: new Date('2026-11-20T09:00:00.000Z') }
  let warn: ReturnType<typeof vi.spyOn>

  beforeEach(async () => {
    if (skip) return
    ts = await openTestStore(kind)
    app = createApp({ store: ts.store, clock: () => clock.now })
    nord = await createTeam(ts.store, 'Vertrieb Nord')
    await createUser(ts.store, { login: 'ada', displayName: 'Ada Admin', role: 'admin', password: PASSWORD })
    await createUser(ts.store, { login: 'max', displayName: 'Max Leitner', role: 'manager', password: PASSWORD })
    await createUser(ts.store, { login: 'anna', displayName: 'Anna Becker', role: 'field_sales', teamId: nord, password: PASSWORD })
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(async () => {
    warn?.mockRestore()
    if (!skip) await ts.cleanup()
  })

  const login = (user: string, password: string, extra: Record<string, unknown> = {}) => app.request('/auth/v1/login', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: user, password, clientId: `client-${user}`, deviceName: `Laptop ${user}`, ...extra }),
  })
  const tokenOf = async (user: string) => ((await (await login(user, PASSWORD)).json()) as { token: string }).token
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await app.request(`/admin/v1${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() as Record<string, unknown> & Array<Record<string, unknown>> }
  }
  const users = async () => (await ts.store.db.selectFrom('users').select(['login', 'role', 'disabled_at', 'password_hash']).orderBy('login').execute())
  const logged = () => warn.mock.calls.map((c: unknown[]) => String(c[0])).join('\n')

  it.skipIf(skip)('an admin creates a user whose one-time password works once, to choose their own', async () => {
    const ada = await tokenOf('ada')
    const created = await call(ada, 'POST', '/users', { login: 'Bernd', displayName: 'Bernd Kaiser', role: 'inside_sales', teamId: nord })
    expect(created.status).toBe(201)
    const { userId, password } = created.body as unknown as { userId: string; password: string }
    expect(password).toMatch(/^[A-Za-z0-9_-]{12}$/)
    expect((await call(ada, 'GET', '/users')).body.find((u) => u.id === userId)).toMatchObject({ login: 'bernd', role: 'inside_sales', teamId: nord, mustChangePassword: true })

    expect(await (await login('bernd', password)).json()).toMatchObject({ error: 'password_change_required' })
    expect(await (await login('bernd', password, { newPassword: 'kurz' })).json()).toMatchObject({ error: 'weak_password' })
    expect(await (await login('bernd', password, { newPassword: password })).json()).toMatchObject({ error: 'weak_password' })
    expect(logged()).not.toContain('bernd')
    const chosen = await login('bernd', password, { newPassword: 'Mein-eigenes-Passwort' })
    expect(chosen.status).toBe(200)
    expect((await login('bernd', password)).status).toBe(401)
    expect((await login('bernd', 'Mein-eigenes-Passwort')).status).toBe(200)

    // A reset: a new one-time password, every session of the user ends.
    const bernd = ((await (await login('bernd', 'Mein-eigenes-Passwort')).json()) as { token: string }).token
    const reset = await call(ada, 'POST', `/users/${userId}/reset-password`)
    expect(reset.status).toBe(200)
    expect((await app.request('/sync/v1/me', { headers: { authorization: `Bearer ${bernd}`, 'x-kundenreise-schema': '999' } })).status).toBe(401)
    expect(await (await login('bernd', String(reset.body.password))).json()).toMatchObject({ error: 'password_change_required' })
  })

  it.skipIf(skip)('refuses a duplicate login, an empty team name, an unknown team; writes nothing and logs ids only', async () => {
    const ada = await tokenOf('ada')
    const before = await users()
    expect(await call(ada, 'POST', '/users', { login: 'anna', displayName: 'Andere Anna', role: 'field_sales' })).toMatchObject({ status: 409, body: { reason: 'duplicate_login' } })
    expect(await call(ada, 'POST', '/users', { login: 'neu', displayName: 'Neu', role: 'field_sales', teamId: 'no-such-team' })).toMatchObject({ status: 404, body: { reason: 'unknown_team' } })
    expect(await call(ada, 'POST', '/users', { login: 'x', displayName: 'X', role: 'superuser' })).toMatchObject({ status: 400, body: { reason: 'bad_input' } })
    expect(await users()).toEqual(before)
    const teams = await ts.store.db.selectFrom('teams').selectAll().execute()
    expect(await call(ada, 'POST', '/teams', { name: '   ' })).toMatchObject({ status: 400, body: { reason: 'empty_team_name' } })
    expect(await call(ada, 'POST', '/teams', { name: 'Vertrieb Nord' })).toMatchObject({ status: 409, body: { reason: 'duplicate_team' } })
    expect(await ts.store.db.selectFrom('teams').selectAll().execute()).toEqual(teams)
    expect(logged()).toMatch(/\[admin\] refused POST \/admin\/v1\/users by user \S+ \(admin\): duplicate_login/)
    expect(logged()).not.toMatch(/anna|Andere|Vertrieb/i)
  })

  it.skipIf(skip)('the last active admin can be neither disabled nor demoted; with a second admin, one may go', async () => {
    const ada = await tokenOf('ada')
    const adaId = (await call(ada, 'GET', '/users')).body.find((u) => u.login === 'ada')!.id as string
    const before = await users()
    expect(await call(ada, 'POST', `/users/${adaId}/disable`)).toMatchObject({ status: 409, body: { reason: 'last_admin' } })
    expect(await call(ada, 'PATCH', `/users/${adaId}`, { role: 'manager', teamId: nord })).toMatchObject({ status: 409, body: { reason: 'last_admin' } })
    expect(await call(ada, 'PATCH', `/users/${adaId}`, { role: 'admin', teamId: 'no-such-team' })).toMatchObject({ status: 404, body: { reason: 'unknown_team' } })
    expect((await ts.store.db.selectFrom('users').select('team_id').where('id', '=', adaId).executeTakeFirstOrThrow()).team_id).toBe('')
    expect(await users()).toEqual(before)
    expect(logged()).toContain(`(user ${adaId})`)

    const eva = await call(ada, 'POST', '/users', { login: 'eva', displayName: 'Eva Admin', role: 'admin' })
    expect(await call(ada, 'PATCH', `/users/${adaId}`, { role: 'manager', teamId: nord })).toMatchObject({ status: 200 })
    // Ada is a manager now: her own session may no longer manage users.
    expect(await call(ada, 'POST', `/users/${String(eva.body.userId)}/disable`)).toMatchObject({ status: 403, body: { reason: 'not_allowed' } })
    expect((await users()).find((u) => u.login === 'ada')).toMatchObject({ role: 'manager' })
  })

  it.skipIf(skip)('managers see users, teams and devices and create teams, but manage no users; reps see nothing', async () => {
    const max = await tokenOf('max')
    const anna = await tokenOf('anna')
    await app.request('/sync/v1/pull?clientId=client-anna&cursor=0&limit=10', { headers: { authorization: `Bearer ${anna}`, 'x-kundenreise-schema': '999' } })
    expect((await call(max, 'GET', '/users')).body.map((u) => u.login)).toEqual(['ada', 'anna', 'max'])
    expect(await call(max, 'POST', '/teams', { name: 'Vertrieb Süd' })).toMatchObject({ status: 201 })
    expect((await call(max, 'GET', '/teams')).body).toEqual([
      { id: nord, name: 'Vertrieb Nord', members: 1 }, expect.objectContaining({ name: 'Vertrieb Süd', members: 0 }),
    ])
    expect((await call(max, 'GET', '/devices')).body).toEqual([expect.objectContaining({ clientId: 'client-anna', login: 'anna', deviceName: 'Laptop anna', lastPullAt: clock.now.toISOString(), lastPushAt: null })])
    const before = await users()
    const annaId = (await call(max, 'GET', '/users')).body.find((u) => u.login === 'anna')!.id as string
    expect(await call(max, 'POST', '/users', { login: 'neu', displayName: 'Neu', role: 'admin' })).toMatchObject({ status: 403, body: { reason: 'not_allowed' } })
    expect(await call(max, 'POST', `/users/${annaId}/reset-password`)).toMatchObject({ status: 403 })
    expect(await call(max, 'POST', `/users/${annaId}/disable`)).toMatchObject({ status: 403 })
    expect(await call(max, 'PATCH', `/users/${annaId}`, { role: 'admin' })).toMatchObject({ status: 403 })
    expect(await users()).toEqual(before)
    expect(await call(anna, 'GET', '/users')).toMatchObject({ status: 403, body: { reason: 'not_allowed' } })
    expect((await app.request('/admin/v1/users')).status).toBe(401)
  })
})
