// A task assigned to a colleague travels by sync: inside sales (Ben) makes it on his laptop for the field rep
// (Anna); after a sync it is on her work list, she completes it with an outcome, and the touchpoint — and the
// done task — are on both laptops. Laptops and the sync server in-process, on SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { companyTimeline } from '../../electron/main/modules/customers/touchpoint.service'
import { createTask, finishTask, getTask } from '../../electron/main/modules/planning'
import { workList } from '../../electron/main/modules/worklist'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { taskFieldsSchema } from '../../shared/modules/planning'
import { harnessPerTest, postgresAvailable, STORE_KINDS } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

describe.each(STORE_KINDS)('a task assigned to a colleague on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  it.skipIf(skip)('reaches her work list by sync; done there, its touchpoint is on both laptops', async () => {
    const ben = await server.client('ben')
    const anna = await server.client('anna')
    // Both know the user directory (and so each other) after their first sync.
    await ben.sync()
    await anna.sync()
    const company = await createCompany(ben.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga GmbH', customerNumber: 'K-7', status: 'customer' })))
    const task = await createTask(ben.ctx, taskFieldsSchema.parse({
      companyId: company.id, title: 'Frau Berger zurückrufen', dueDate: '2026-11-24', dueTime: '10:30', priority: 'high', ownerId: anna.ctx.userId,
    }))
    expect(task).toMatchObject({ ownerId: anna.ctx.userId, ownerName: 'Anna Becker', createdBy: ben.ctx.userId })
    // Carla is in team Süd: she would never receive this customer, so the task is refused at the assignee.
    const carla = await ben.ctx.db.selectFrom('users').select('id').where('display_name', '=', 'Carla Öztürk').executeTakeFirstOrThrow()
    await expect(createTask(ben.ctx, taskFieldsSchema.parse({ companyId: company.id, title: 'Für Carla', dueDate: '2026-11-24', ownerId: carla.id })))
      .rejects.toMatchObject({ fields: { ownerId: 'errors.taskOwnerOtherTeam' } })
    expect((await ben.sync()).rejected).toBe(0)
    await anna.sync()

    const annas = await workList(anna.ctx, { ownerId: anna.ctx.userId })
    const entry = [...annas.overdue, ...annas.dueToday, ...annas.upcoming].find((i) => i.id === task.id)
    expect(entry).toMatchObject({ source: 'task', title: 'Frau Berger zurückrufen', companyName: 'Brunsviga GmbH', ownerName: 'Anna Becker' })
    expect(entry!.view.detail).toEqual({ key: 'task.workListDetailTimeBy', params: { time: '10:30', priority: 'high', by: 'Ben Schulz' } })
    const bens = await workList(ben.ctx, { ownerId: ben.ctx.userId })
    expect([...bens.overdue, ...bens.dueToday, ...bens.upcoming].map((i) => i.id)).not.toContain(task.id)

    server.h.clock.now = new Date('2026-11-24T09:45:00.000Z')
    const { touchpointId } = await finishTask(anna.ctx, { id: task.id, channel: 'phone', outcome: 'Angebot besprochen, Entscheidung im Januar' })
    expect((await anna.sync()).rejected).toBe(0)
    await ben.sync()
    for (const laptop of [anna, ben]) {
      expect(await getTask(laptop.ctx, task.id)).toMatchObject({ status: 'done', outcome: 'Angebot besprochen, Entscheidung im Januar', touchpointId })
      const timeline = await companyTimeline(laptop.ctx, { companyId: company.id, offset: 0, limit: 50 })
      expect(JSON.stringify(timeline.rows)).toContain(touchpointId)
      const touchpoint = await laptop.ctx.db.selectFrom('touchpoints').select(['related_type', 'related_id', 'message_key', 'summary', 'created_by']).where('id', '=', touchpointId).executeTakeFirstOrThrow()
      expect(touchpoint).toEqual({ related_type: 'task', related_id: task.id, message_key: 'task.done', summary: 'Angebot besprochen, Entscheidung im Januar', created_by: anna.ctx.userId })
      expect(await laptop.ctx.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([])
    }
  })
})
