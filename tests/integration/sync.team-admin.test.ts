// Team administration from the laptop (issue 18): a manager moves a company to another team and, after sync, it is
// gone with its contact from the old team's laptop and present on the new team's; a rep may not move one. An admin's
// laptop administers users through the server: one-time passwords, the connect form's own password, refusals in
// words, and a clear message offline. In-process server, on SQLite and PostgreSQL.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/database'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { AppContext } from '../../electron/main/ipc/handler-types'
import { SyncController } from '../../electron/main/modules/sync/controller'
import { writeState } from '../../electron/main/modules/sync/state'
import { createUser } from '../../server/admin/accounts'
import type { Role } from '../../shared/platform/rights'
import { harnessPerTest, PASSWORD, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { tempDir, validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const env = (file: string, clientId: string) => ({ version: 'test', mode: 'web' as const, databasePath: file, clientId, integrity: 'ok' as const, database: 'real' as const })

async function appOf(laptop: TestClient, role: Role): Promise<AppContext> {
  await writeState(laptop.ctx.db, 'user', { id: laptop.ctx.userId, login: laptop.name, displayName: laptop.name, email: '', role, teamId: '' })
  return { ctx: laptop.ctx, sync: new SyncController({ ctx: laptop.ctx, clientId: laptop.database.clientId }), env: env(laptop.file, laptop.database.clientId) }
}

describe.each(STORE_KINDS)('team administration from the laptop on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  /** A laptop signed in through the connect form's path (SyncController.connect), as the app does. */
  async function connectedApp(fetchImpl = server.h.fetch) {
    const file = path.join(tempDir(), 'laptop.sqlite')
    const database = await openDatabase(file)
    const ctx = { db: database.db, clock: () => server.h.clock.now, userId: '', userName: '' }
    const sync = new SyncController({ ctx, clientId: database.clientId, fetchImpl, deviceName: 'Testlaptop' })
    return { app: { ctx, sync, env: env(file, database.clientId) } as AppContext, sync, close: () => database.close() }
  }

  it.skipIf(skip)('a manager moves a company with its contact to Süd: gone from Nord\'s laptop, present on Süd\'s; a rep may not', async () => {
    const { h } = server
    const anna = await server.client('anna')
    const carla = await server.client('carla')
    const max = await server.client('max')
    const annaApp = await appOf(anna, 'field_sales')
    const company = (await dispatch(annaApp, 'companies.create', validCompany({ name: 'Weserwerft GmbH', customerNumber: 'K-7' }))) as { ok: true; data: { id: string } }
    expect(await dispatch(annaApp, 'contacts.create', { companyId: company.data.id, salutation: 'none', lastName: 'Meyer', language: 'de' })).toMatchObject({ ok: true })
    for (const laptop of [anna, carla, max]) await laptop.sync()
    const has = async (laptop: TestClient) => ({
      company: (await laptop.ctx.db.selectFrom('companies').select('id').where('id', '=', company.data.id).where('deleted_at', 'is', null).execute()).length,
      contacts: (await laptop.ctx.db.selectFrom('contacts').select('id').where('company_id', '=', company.data.id).where('deleted_at', 'is', null).execute()).length,
    })
    expect(await has(carla)).toEqual({ company: 0, contacts: 0 })

    // Anna (field sales) may not move it: refused with the reason, nothing in the outbox.
    const outbox = await anna.ctx.db.selectFrom('sync_outbox').selectAll().execute()
    expect(await dispatch(annaApp, 'companies.moveTeam', { id: company.data.id, teamId: h.teams.sued })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'rights.denied.companies.move' } })
    expect(await anna.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual(outbox)

    const maxApp = await appOf(max, 'manager')
    expect(await dispatch(maxApp, 'companies.teamOf', { id: company.data.id })).toMatchObject({ ok: true, data: { teamId: h.teams.nord } })
    expect(await dispatch(maxApp, 'companies.moveTeam', { id: company.data.id, teamId: h.teams.nord })).toMatchObject({ ok: false, error: { fields: { teamId: 'errors.companySameTeam' } } })
    expect(await dispatch(maxApp, 'companies.moveTeam', { id: company.data.id, teamId: h.teams.sued })).toMatchObject({ ok: true })
    expect((await max.sync()).rejected).toBe(0)
    await anna.sync()
    await carla.sync()
    expect(await has(anna)).toEqual({ company: 0, contacts: 0 })
    expect(await has(carla)).toEqual({ company: 1, contacts: 1 })
    expect(await has(max)).toEqual({ company: 1, contacts: 1 })
  })

  it.skipIf(skip)('an admin\'s laptop creates a user with a one-time password, which the new user replaces at connect; refusals come in words', async () => {
    const { h } = server
    await createUser(h.store, { login: 'ada', displayName: 'Ada Admin', role: 'admin', password: PASSWORD })
    const ada = await connectedApp()
    await ada.sync.connect({ serverUrl: 'http://sync.test', login: 'ada', password: PASSWORD })
    const view = await dispatch(ada.app, 'teamAdmin.get', {})
    expect(view).toMatchObject({ ok: true, data: { connected: true, canManageUsers: true } })
    const created = await dispatch(ada.app, 'teamAdmin.createUser', { login: 'bernd', displayName: 'Bernd Kaiser', email: '', role: 'inside_sales', teamId: h.teams.nord })
    expect(created).toMatchObject({ ok: true })
    const password = (created as { data: { password: string } }).data.password
    expect(await dispatch(ada.app, 'teamAdmin.createUser', { login: 'bernd', displayName: 'Noch ein Bernd', email: '', role: 'inside_sales', teamId: '' }))
      .toMatchObject({ ok: false, error: { fields: { login: 'errors.admin.duplicate_login' } } })
    expect(await dispatch(ada.app, 'teamAdmin.createTeam', { name: 'Vertrieb Nord' })).toMatchObject({ ok: false, error: { fields: { name: 'errors.admin.duplicate_team' } } })
    const adaId = (view as { data: { users: Array<{ id: string; login: string }> } }).data.users.find((u) => u.login === 'ada')!.id
    expect(await dispatch(ada.app, 'teamAdmin.disableUser', { id: adaId })).toMatchObject({ ok: false, error: { message: 'errors.admin.last_admin' } })

    const bernd = await connectedApp()
    await expect(bernd.sync.connect({ serverUrl: 'http://sync.test', login: 'bernd', password })).rejects.toMatchObject({ fields: { newPassword: 'errors.syncPasswordChangeRequired' } })
    await expect(bernd.sync.connect({ serverUrl: 'http://sync.test', login: 'bernd', password, newPassword: 'kurz' })).rejects.toMatchObject({ fields: { newPassword: 'errors.syncWeakPassword' } })
    expect(await bernd.sync.connect({ serverUrl: 'http://sync.test', login: 'bernd', password, newPassword: 'Berndts-eigenes-Passwort' })).toMatchObject({ user: { login: 'bernd' } })
    // Bernd (inside sales) may not see the administration.
    expect(await dispatch(bernd.app, 'teamAdmin.get', {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'errors.admin.not_allowed' } })

    // Offline: administration needs the server, and says so.
    const offline = await connectedApp(async (url, init) => (url.includes('/admin/') ? Promise.reject(new TypeError('fetch failed')) : h.fetch(url, init)))
    await offline.sync.connect({ serverUrl: 'http://sync.test', login: 'ada', password: PASSWORD })
    expect(await dispatch(offline.app, 'teamAdmin.get', {})).toMatchObject({ ok: false, error: { message: 'errors.adminOffline' } })
    for (const laptop of [ada, bernd, offline]) {
      await laptop.sync.disconnect()
      await laptop.close()
    }
  })

  it.skipIf(skip)('a manager\'s laptop sees people, teams and devices and creates a team, but manages no user', async () => {
    const max = await connectedApp()
    await max.sync.connect({ serverUrl: 'http://sync.test', login: 'max', password: PASSWORD })
    const view = await dispatch(max.app, 'teamAdmin.get', {})
    expect(view).toMatchObject({ ok: true, data: { connected: true, canManageUsers: false } })
    const data = (view as { data: { users: Array<{ login: string; id: string }>; teams: Array<{ name: string }> } }).data
    expect(data.users.map((u) => u.login)).toEqual(['anna', 'ben', 'carla', 'max'])
    expect(await dispatch(max.app, 'teamAdmin.createTeam', { name: 'Vertrieb West' })).toMatchObject({ ok: true })
    expect(await dispatch(max.app, 'teamAdmin.createUser', { login: 'ada', displayName: 'Ada', email: '', role: 'admin', teamId: '' }))
      .toMatchObject({ ok: false, error: { code: 'forbidden', message: 'errors.admin.not_allowed' } })
    const anna = data.users.find((u) => u.login === 'anna')!.id
    expect(await dispatch(max.app, 'teamAdmin.resetPassword', { id: anna })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect((await server.h.store.db.selectFrom('users').select('login').execute()).map((u) => u.login).sort()).toEqual(['anna', 'ben', 'carla', 'max'])
    await max.sync.disconnect()
    await max.close()
  })

  it.skipIf(skip)('a laptop never connected has nothing to administer', async () => {
    const laptop = await connectedApp()
    expect(await dispatch(laptop.app, 'teamAdmin.get', {})).toMatchObject({ ok: true, data: { connected: false } })
    expect(await dispatch(laptop.app, 'teamAdmin.createTeam', { name: 'Vertrieb West' })).toMatchObject({ ok: false, error: { message: 'errors.adminNotConnected' } })
    await laptop.close()
  })
})
