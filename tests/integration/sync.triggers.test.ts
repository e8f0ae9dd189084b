// Early-warning firings on two laptops through the real sync server (SQLite and PostgreSQL store): a detractor answer
// typed on Anna's laptop fires there; Ben's laptop pulls the answer with the firing and its task and makes none of
// its own. A date-based rule fired by the daily roll on both laptops offline makes the same firing and task on both;
// the server takes the second insert as the same record, and everywhere there is exactly one of each.
import { describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContract } from '../../electron/main/modules/contracts/contract.service'
import { createFeedback } from '../../electron/main/modules/service/feedback.service'
import { createCase } from '../../electron/main/modules/service'
import { listFirings, listTriggerRules, rollTriggers, saveTriggerRule } from '../../electron/main/modules/success'
import { readState } from '../../electron/main/modules/sync/state'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contractFieldsSchema } from '../../shared/modules/contracts'
import { caseFieldsSchema, feedbackFieldsSchema } from '../../shared/modules/service'
import { harnessPerTest, PASSWORD, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { createUser } from '../../server/admin/accounts'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

const rowsOf = async (laptop: TestClient, companyId: string) => ({
  firings: await laptop.ctx.db.selectFrom('trigger_firings').select(['id', 'signal', 'task_id']).where('company_id', '=', companyId).where('deleted_at', 'is', null).execute(),
  tasks: await laptop.ctx.db.selectFrom('tasks').select(['id', 'owner_id', 'trigger_firing_id', 'title']).where('company_id', '=', companyId).where('deleted_at', 'is', null).execute(),
})

describe.each(STORE_KINDS)('early-warning firings on two laptops on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  /** Ben (inside sales) and Anna (the field rep) know each other; Ben makes a customer Anna owns. */
  async function twoLaptops() {
    server.h.clock.now = new Date('2026-11-20T09:00:00.000Z')
    const ben = await server.client('ben')
    const anna = await server.client('anna')
    await ben.sync()
    await anna.sync()
    const company = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7', status: 'customer', ownerId: anna.ctx.userId })))
    return { ben, anna, company }
  }

  it.skipIf(skip)('a detractor answer fires once, on the laptop it was typed on; the other receives the firing and the task', async () => {
    const { ben, anna, company } = await twoLaptops()
    await ben.sync()
    await anna.sync()
    await createFeedback(anna.ctx, feedbackFieldsSchema.parse({ companyId: company.id, kind: 'nps', station: 'usage', givenOn: '2026-11-20', score: 3, comment: 'Unzufrieden' }))
    for (let round = 0; round < 2; round++) {
      expect((await anna.sync()).rejected).toBe(0)
      expect((await ben.sync()).rejected).toBe(0)
    }
    const onServer = await server.h.store.db.selectFrom('sync_rows').select(['table_name', 'id']).where('table_name', 'in', ['trigger_firings', 'tasks']).where('deleted', '=', 0).execute()
    expect(onServer.map((r) => r.table_name).sort()).toEqual(['tasks', 'trigger_firings'])
    const annas = await rowsOf(anna, company.id)
    expect(annas.firings).toHaveLength(1)
    expect(annas.tasks).toEqual([expect.objectContaining({ owner_id: anna.ctx.userId, trigger_firing_id: annas.firings[0]!.id })])
    expect(await rowsOf(ben, company.id)).toEqual(annas)
    expect((await listFirings(ben.ctx, company.id))[0]).toMatchObject({ signal: 'detractor', taskStatus: 'open', assigneeName: 'Anna Becker' })
    for (const laptop of [anna, ben]) expect(await laptop.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
  })

  it.skipIf(skip)('fired by the daily roll on both laptops offline: one firing and one task everywhere', async () => {
    const { ben, anna, company } = await twoLaptops()
    // Its cancel-by date is 28.02.2027: 100 days away, nothing fires yet.
    await createContract(ben.ctx, contractFieldsSchema.parse({
      companyId: company.id, type: 'maintenance', title: 'Wartung Prüfstände', startDate: '2025-06-01', minimumTermMonths: 24, noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_200_000, notes: '',
    }))
    await ben.sync()
    await anna.sync()
    expect((await rowsOf(anna, company.id)).firings).toEqual([])
    // Both laptops offline in January: the daily roll on each finds the cancel-by date within 60 days and fires.
    server.h.clock.now = new Date('2027-01-05T08:00:00.000Z')
    expect((await rollTriggers(anna.ctx)).fired).toBe(1)
    expect((await rollTriggers(ben.ctx)).fired).toBe(1)
    const bensOwn = await rowsOf(ben, company.id)
    expect(bensOwn.firings).toHaveLength(1)
    expect(await rowsOf(anna, company.id)).toEqual(bensOwn)
    for (let round = 0; round < 2; round++) {
      expect((await anna.sync()).rejected).toBe(0)
      expect((await ben.sync()).rejected).toBe(0)
    }
    const onServer = await server.h.store.db.selectFrom('sync_rows').select(['table_name', 'id']).where('table_name', 'in', ['trigger_firings', 'tasks']).where('deleted', '=', 0).execute()
    expect(onServer.map((r) => `${r.table_name}:${r.id}`).sort()).toEqual([`tasks:${bensOwn.tasks[0]!.id}`, `trigger_firings:${bensOwn.firings[0]!.id}`].sort())
    for (const laptop of [anna, ben]) {
      expect(await rowsOf(laptop, company.id)).toEqual(bensOwn)
      expect(await laptop.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
      expect(await readState(laptop.ctx.db, 'rejected') ?? []).toEqual([])
    }
  })

  it.skipIf(skip)('two complaints logged on two laptops offline after a first one: one "second complaint" warning, not one per laptop', async () => {
    const { ben, anna, company } = await twoLaptops()
    const complaint = (laptop: TestClient, receivedAt: string, subject: string) => createCase(laptop.ctx, caseFieldsSchema.parse({
      type: 'complaint', companyId: company.id, channel: 'phone', receivedAt, subject, description: '', priority: 'normal',
    }))
    await complaint(ben, '2026-11-20T08:00:00.000Z', 'Prüfstand misst falsch')
    await ben.sync()
    await anna.sync()
    expect((await rowsOf(anna, company.id)).firings).toEqual([])
    // Both offline: each logs the customer's next complaint, and on each laptop it is the second in 90 days.
    server.h.clock.now = new Date('2026-11-24T09:00:00.000Z')
    await complaint(anna, '2026-11-24T09:00:00.000Z', 'Lieferung unvollständig')
    await complaint(ben, '2026-11-24T10:30:00.000Z', 'Rechnung falsch')
    const annasOwn = await rowsOf(anna, company.id)
    expect(annasOwn.firings.filter((f) => f.signal === 'complaints')).toHaveLength(1)
    expect((await rowsOf(ben, company.id)).firings.filter((f) => f.signal === 'complaints').map((f) => f.id)).toEqual(annasOwn.firings.filter((f) => f.signal === 'complaints').map((f) => f.id))
    for (let round = 0; round < 2; round++) {
      expect((await anna.sync()).rejected).toBe(0)
      expect((await ben.sync()).rejected).toBe(0)
    }
    const onServer = await server.h.store.db.selectFrom('sync_rows').select(['table_name', 'id', 'data']).where('table_name', 'in', ['trigger_firings', 'tasks']).where('deleted', '=', 0).execute()
    const complaintFirings = onServer.filter((r) => r.table_name === 'trigger_firings' && String(r.data).includes('"complaints"'))
    expect(complaintFirings).toHaveLength(1)
    for (const laptop of [anna, ben]) {
      const rows = await rowsOf(laptop, company.id)
      expect(rows.firings.filter((f) => f.signal === 'complaints')).toHaveLength(1)
      expect(rows.tasks.filter((t) => t.trigger_firing_id === complaintFirings[0]!.id)).toHaveLength(1)
      expect(await readState(laptop.ctx.db, 'rejected') ?? []).toEqual([])
    }
  })

  it.skipIf(skip)('a manager\'s rule reaches the team; the server refuses a rule pushed by anyone else, nothing applied', async () => {
    const { ben, anna } = await twoLaptops()
    // Team Nord's own manager (a manager without a team, like Max, would write the rules of no team).
    await createUser(server.h.store, { login: 'nora', displayName: 'Nora Vogt', role: 'manager', teamId: server.h.teams.nord, password: PASSWORD })
    const nora = await server.client('nora')
    await nora.sync()
    await saveTriggerRule(nora.ctx, { signal: 'complaints', enabled: true, threshold: 3, action: 'task_owner', targetUserId: '' })
    expect((await nora.sync()).rejected).toBe(0)
    await anna.sync()
    const complaintsRule = async (laptop: TestClient) => (await listTriggerRules(laptop.ctx)).rules.find((r) => r.signal === 'complaints')
    expect(await complaintsRule(anna)).toMatchObject({ threshold: 3, edited: true })
    // Ben's laptop tampered into a manager's role: his rule is refused by the server and never reaches Anna.
    await ben.sync()
    await ben.ctx.db.updateTable('users').set({ role: 'manager' }).where('id', '=', ben.ctx.userId).execute()
    await saveTriggerRule(ben.ctx, { signal: 'complaints', enabled: false, threshold: 2, action: 'task_owner', targetUserId: '' })
    const pushed = await ben.sync()
    expect(pushed.rejected).toBe(1)
    expect(((await readState(ben.ctx.db, 'rejected')) as Array<{ reason: string }>)[0]).toMatchObject({ reason: 'forbidden' })
    await anna.sync()
    expect(await complaintsRule(anna)).toMatchObject({ threshold: 3, enabled: true })
  })
})
