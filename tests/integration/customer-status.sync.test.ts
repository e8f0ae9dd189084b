// The status following the business, across two laptops (issue 13, item 7): the move is made once, where
// the business changed, and arrives with the sync; an ending (which comes with the date on every laptop)
// is moved by the account owner's laptop only, so the timeline holds each event once.
import { afterEach, beforeEach, expect, it } from 'vitest'
import path from 'node:path'
import { openDatabase } from '../../db/database'
import { createCompany, getCompany } from '../../electron/main/modules/customers/company.service'
import { companyTimeline } from '../../electron/main/modules/customers/touchpoint.service'
import { createContract } from '../../electron/main/modules/contracts/contract.service'
import { rollContracts } from '../../electron/main/modules/contracts/contract-roll.service'
import type { ServiceContext } from '../../electron/main/platform/context'
import { SyncController } from '../../electron/main/modules/sync/controller'
import { contractFieldsSchema } from '../../shared/modules/contracts/contract.schema'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { PASSWORD, startHarness, type Harness } from '../helpers/sync-harness'
import { tempDir, validCompany } from '../helpers/temp-db'

let h: Harness
const closers: Array<() => Promise<void>> = []
beforeEach(async () => {
  h = await startHarness('sqlite')
})
afterEach(async () => {
  for (const c of closers.splice(0)) await c()
  await h.cleanup()
})

async function device(name: string, login: string) {
  const database = await openDatabase(path.join(tempDir(), `${name}.sqlite`))
  const ctx: ServiceContext = { db: database.db, clock: () => h.clock.now, userId: 'local', userName: 'Lokaler Benutzer' }
  const sync = new SyncController({ ctx, clientId: database.clientId, fetchImpl: h.fetch })
  closers.push(async () => {
    await sync.stop()
    await database.close()
  })
  await sync.connect({ serverUrl: 'http://sync.test', login, password: PASSWORD })
  return { database, ctx, sync }
}

const statusEvents = async (ctx: ServiceContext, companyId: string) => (await companyTimeline(ctx, { companyId, offset: 0, limit: 100 })).rows
  .flatMap((r) => (r.kind === 'touchpoint' && r.touchpoint.messageKey?.startsWith('company.') ? [r.touchpoint.messageKey] : []))
const pendingStatusOps = async (ctx: ServiceContext) => (await ctx.db.selectFrom('sync_outbox').select('fields').where('table_name', '=', 'companies').execute())
  .filter((o) => 'status' in (JSON.parse(o.fields) as object)).length

it('a contract made on one laptop makes a customer on both; the end moves it once, on the owner\'s laptop', async () => {
  const anna = await device('a', 'anna')
  const ben = await device('b', 'ben')
  const company = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', status: 'prospect' })))
  await anna.sync.syncNow()
  await ben.sync.syncNow()
  await createContract(anna.ctx, contractFieldsSchema.parse({
    companyId: company.id, type: 'service', title: 'Service', startDate: '2026-11-01', minimumTermMonths: 1, noticeValue: 1, noticeUnit: 'weeks', renewalMonths: 0, annualValueCents: 100_000, notes: '',
  }))
  await anna.sync.syncNow()
  await ben.sync.syncNow()
  expect((await getCompany(ben.ctx, company.id)).status).toBe('customer')
  expect(await statusEvents(ben.ctx, company.id)).toEqual(['company.becameCustomerByContract'])
  // Ben's laptop applied the move; it did not make one of its own.
  expect(await pendingStatusOps(ben.ctx)).toBe(0)

  // After the end: both laptops roll; only Anna's (she owns the company) moves the status.
  h.clock.now = new Date('2026-12-02T09:00:00.000Z')
  await rollContracts(ben.ctx)
  expect((await getCompany(ben.ctx, company.id)).status).toBe('customer')
  expect(await pendingStatusOps(ben.ctx)).toBe(0)
  await rollContracts(anna.ctx)
  await anna.sync.syncNow()
  await ben.sync.syncNow()
  await anna.sync.syncNow()
  for (const d of [anna, ben]) {
    expect((await getCompany(d.ctx, company.id)).status).toBe('former')
    expect(await statusEvents(d.ctx, company.id)).toEqual(['company.becameFormerCustomer', 'company.becameCustomerByContract'])
  }
  expect((await ben.sync.status()).openConflicts).toBe(0)
})
