// The app side of sync: connecting (and failing to), status, the conflict inbox and its resolution,
// an expired login. Server in-process on SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/database'
import { createCompany, deleteCompany, updateCompany } from '../../electron/main/modules/customers/company.service'
import { listConflicts, resolveConflict } from '../../electron/main/modules/sync/conflict.service'
import type { ServiceContext } from '../../electron/main/platform/context'
import { SyncController } from '../../electron/main/modules/sync/controller'
import { resetPassword } from '../../server/admin/accounts'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { PASSWORD, startHarness, type Harness } from '../helpers/sync-harness'
import { tempDir, validCompany } from '../helpers/temp-db'
import path from 'node:path'

let h: Harness
const closers: Array<() => Promise<void>> = []
beforeEach(async () => {
  h = await startHarness('sqlite')
})
afterEach(async () => {
  for (const c of closers.splice(0)) await c()
  await h.cleanup()
})

async function device(name: string) {
  const database = await openDatabase(path.join(tempDir(), `${name}.sqlite`))
  const ctx: ServiceContext = { db: database.db, clock: () => h.clock.now, userId: 'local', userName: 'Lokaler Benutzer' }
  const sync = new SyncController({ ctx, clientId: database.clientId, fetchImpl: h.fetch })
  closers.push(async () => {
    await sync.stop()
    await database.close()
  })
  return { database, ctx, sync }
}

const fields = (o: Record<string, unknown>) => companyFieldsSchema.parse(validCompany({ customerNumber: '', ...o }))

describe('sync in the app', () => {
  it('a wrong password is a field error and stores nothing', async () => {
    const d = await device('a')
    await expect(d.sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: 'falsch-falsch' }))
      .rejects.toMatchObject({ code: 'validation', fields: { password: 'errors.syncInvalidCredentials' } })
    expect(await d.sync.status()).toMatchObject({ state: 'disconnected', serverUrl: '', user: null })
    expect(await d.database.db.selectFrom('sync_state').select('key').where('key', 'in', ['token', 'server_url', 'user']).execute()).toEqual([])
  })

  it('connects, becomes the server user, syncs, and reports status', async () => {
    const d = await device('a')
    await createCompany(d.ctx, fields({ name: 'Vorher GmbH' })) // made before connecting: goes up with the first sync
    await d.sync.connect({ serverUrl: 'http://sync.test/', login: 'anna', password: PASSWORD })
    await d.sync.syncNow()
    const status = await d.sync.status()
    expect(status).toMatchObject({ state: 'idle', serverUrl: 'http://sync.test', user: { login: 'anna', displayName: 'Anna Becker' }, pending: 0, openConflicts: 0, error: null })
    expect(status.lastSyncAt).not.toBeNull()
    expect(status.nextAttemptAt).not.toBeNull()
    expect(d.ctx.userName).toBe('Anna Becker')
    await d.sync.disconnect()
    expect((await d.sync.status()).state).toBe('disconnected')
  })

  it('resolving a conflict on one laptop settles it on the other, with the chosen value', async () => {
    const a = await device('a')
    const b = await device('b')
    await a.sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: PASSWORD })
    await b.sync.connect({ serverUrl: 'http://sync.test', login: 'ben', password: PASSWORD })
    const company = await createCompany(a.ctx, fields({ name: 'Streit GmbH', city: 'Hannover' }))
    await a.sync.syncNow()
    await b.sync.syncNow()
    await updateCompany(a.ctx, company.id, fields({ name: 'Streit GmbH', city: 'Celle' }))
    await updateCompany(b.ctx, company.id, fields({ name: 'Streit GmbH', city: 'Hameln' }))
    await a.sync.syncNow()
    await b.sync.syncNow()
    await a.sync.syncNow()
    const [onA] = await listConflicts(a.ctx)
    expect(onA).toMatchObject({ record: 'Streit GmbH', field: 'city', serverValue: 'Celle', clientValue: 'Hameln', serverUser: 'Anna Becker', clientUser: 'Ben Schulz' })
    expect((await b.sync.status()).openConflicts).toBe(1)

    await resolveConflict(a.ctx, { id: onA!.id, choice: 'client' })
    await expect(resolveConflict(a.ctx, { id: onA!.id, choice: 'server' })).rejects.toMatchObject({ message: 'sync.errors.alreadyResolved' })
    await a.sync.syncNow()
    await b.sync.syncNow()
    for (const d of [a, b]) {
      expect(await listConflicts(d.ctx)).toEqual([])
      expect((await d.database.db.selectFrom('companies').select('city').executeTakeFirstOrThrow()).city).toBe('Hameln')
    }
  })

  it('a contract reaches the colleague with its items and journey; both laptops rolling its tacit renewal stay free of conflicts', async () => {
    const { createContract, getContract } = await import('../../electron/main/modules/contracts/contract.service')
    const { rollContracts } = await import('../../electron/main/modules/contracts/contract-roll.service')
    const { contractFieldsSchema } = await import('../../shared/modules/contracts/contract.schema')
    const { getCompany } = await import('../../electron/main/modules/customers/company.service')
    const a = await device('a')
    const b = await device('b')
    await a.sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: PASSWORD })
    await b.sync.connect({ serverUrl: 'http://sync.test', login: 'ben', password: PASSWORD })
    const company = await createCompany(a.ctx, fields({ name: 'Vertrag GmbH', status: 'customer' }))
    const contract = await createContract(a.ctx, contractFieldsSchema.parse({
      companyId: company.id, type: 'maintenance', title: 'Wartung', startDate: '2024-01-01', minimumTermMonths: 12, noticeValue: 3, noticeUnit: 'months', renewalMonths: 12,
      annualValueCents: 100_000, notes: '', items: [{ name: 'Wartung', quantity: 1, unit: 'Pauschale', unitPriceCents: 100_000, discountPercent: 0, vatRate: 19, optional: false }],
    }))
    await a.sync.syncNow()
    await b.sync.syncNow()
    const onB = await getContract(b.ctx, contract.id)
    expect(onB).toMatchObject({ number: contract.number, endDate: contract.endDate, cancelBy: contract.cancelBy, items: [{ name: 'Wartung' }] })
    expect((await getCompany(b.ctx, company.id)).journey).toEqual((await getCompany(a.ctx, company.id)).journey)
    // A year later both laptops roll the contract into its next term before syncing: same values, no conflict.
    h.clock.now = new Date(Date.parse(`${contract.endDate}T12:00:00Z`) + 86_400_000 * 2)
    await rollContracts(a.ctx)
    await rollContracts(b.ctx)
    await a.sync.syncNow()
    await b.sync.syncNow()
    await a.sync.syncNow()
    for (const d of [a, b]) {
      expect(await listConflicts(d.ctx)).toEqual([])
      expect((await getContract(d.ctx, contract.id)).terms).toHaveLength((await getContract(a.ctx, contract.id)).terms.length)
    }
    expect((await getContract(b.ctx, contract.id)).status).toBe('renewed')
  })

  it('a case logged offline reaches the colleague with its lines and timeline, and moves the customer to support there', async () => {
    const { createCase, getCase } = await import('../../electron/main/modules/service/case.service')
    const { transitionCase } = await import('../../electron/main/modules/service/case-workflow.service')
    const { caseFieldsSchema } = await import('../../shared/modules/service/service.schema')
    const { getCompany } = await import('../../electron/main/modules/customers/company.service')
    const a = await device('a')
    const b = await device('b')
    await a.sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: PASSWORD })
    await b.sync.connect({ serverUrl: 'http://sync.test', login: 'ben', password: PASSWORD })
    const company = await createCompany(a.ctx, fields({ name: 'Retoure GmbH', status: 'customer' }))
    const c = await createCase(a.ctx, caseFieldsSchema.parse({
      type: 'return', companyId: company.id, channel: 'email', receivedAt: '2026-11-20T09:00:00.000Z', subject: 'Falsche Teile', priority: 'normal',
      lines: [{ name: 'Sensor', quantity: 2, reason: 'wrong_item' }, { name: 'Kabel', quantity: 1, reason: 'defective' }],
    }))
    await a.sync.syncNow()
    await b.sync.syncNow()
    expect(await getCase(b.ctx, c.id)).toMatchObject({ number: c.number, rmaNumber: c.rmaNumber, lines: [{ name: 'Sensor', quantity: 2 }, { name: 'Kabel', quantity: 1 }], events: [{ kind: 'created' }] })
    expect((await getCompany(b.ctx, company.id)).journey).toEqual({ station: 'support', reason: 'open_cases' })
    await transitionCase(b.ctx, { id: c.id, to: 'rejected', note: '', customerInformed: true, rejectionReason: 'Ware nicht von uns' })
    await b.sync.syncNow()
    await a.sync.syncNow()
    expect((await getCase(a.ctx, c.id)).status).toBe('rejected')
    expect((await getCompany(a.ctx, company.id)).journey.reason).not.toBe('open_cases')
  })

  it('a deleted record cannot be brought back from the inbox, only acknowledged', async () => {
    const a = await device('a')
    const b = await device('b')
    await a.sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: PASSWORD })
    await b.sync.connect({ serverUrl: 'http://sync.test', login: 'ben', password: PASSWORD })
    const company = await createCompany(a.ctx, fields({ name: 'Weg GmbH', city: 'Hannover' }))
    await a.sync.syncNow()
    await b.sync.syncNow()
    await deleteCompany(a.ctx, company.id)
    await updateCompany(b.ctx, company.id, fields({ name: 'Weg GmbH', city: 'Peine', ownerId: company.ownerId }))
    await a.sync.syncNow()
    await b.sync.syncNow()
    const [conflict] = await listConflicts(b.ctx)
    expect(conflict).toMatchObject({ kind: 'deleted', clientValue: 'Peine' })
    await expect(resolveConflict(b.ctx, { id: conflict!.id, choice: 'client' })).rejects.toMatchObject({ message: 'sync.errors.cannotRestore' })
    await resolveConflict(b.ctx, { id: conflict!.id, choice: 'acknowledged' })
    expect(await listConflicts(b.ctx)).toEqual([])
  })

  it('an expired login asks the rep to log in again and keeps the unsent changes', async () => {
    const a = await device('a')
    await a.sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: PASSWORD })
    await a.sync.syncNow()
    await resetPassword(h.store, 'anna', 'Ganz-neues-Passwort-1')
    await createCompany(a.ctx, fields({ name: 'Offline GmbH' }))
    await a.sync.syncNow()
    expect(await a.sync.status()).toMatchObject({ state: 'disconnected', pending: 1 })
    await a.sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: 'Ganz-neues-Passwort-1' })
    await a.sync.syncNow()
    expect((await a.sync.status()).pending).toBe(0)
  })

  it('an unreachable server is an error in plain words; the changes wait', async () => {
    const a = await device('a')
    await a.sync.connect({ serverUrl: 'http://sync.test', login: 'anna', password: PASSWORD })
    await a.sync.syncNow()
    h.setFetch(() => async () => { throw new TypeError('fetch failed') })
    await createCompany(a.ctx, fields({ name: 'Funkloch GmbH' }))
    await a.sync.syncNow()
    expect(await a.sync.status()).toMatchObject({ state: 'error', error: 'sync.errors.offline', pending: 1 })
    h.setFetch(null)
    await a.sync.online()
    expect(await a.sync.status()).toMatchObject({ state: 'idle', error: null, pending: 0 })
  })
})
