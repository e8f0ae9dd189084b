// Tasks (Aufgaben) through their channels: made for the current user or a colleague, from a record or as a
// "Wiedervorlage" of a touchpoint, each bad input a clear field error with nothing written; done with an
// outcome (a touchpoint of the task on the timeline), the next occurrence of a repeating task in the same
// transaction, cancelled; on the work list as the source `task` (done, snoozed, filtered by owner).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { WORK_LIST_SOURCES } from '../../electron/main/modules/worklist/worklist.sources'
import { touchpointLine } from '../../shared/i18n/event-text'
import type { Task, TaskItem } from '../../shared/modules/planning'
import type { WorkList } from '../../shared/modules/worklist'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-20T09:00:00.000Z') // a Friday
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const refused = async (channel: Parameters<typeof dispatch>[1], input: unknown) => {
  const answer = await dispatch(t.app, channel, input)
  if (answer.ok) throw new Error(`${channel} was accepted`)
  return answer.error
}
const rows = async (table: 'tasks' | 'touchpoints' | 'sync_outbox') =>
  Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const written = async () => ({ tasks: await rows('tasks'), touchpoints: await rows('touchpoints'), outbox: await rows('sync_outbox') })
const item = { productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }
const COLLEAGUE = '01930000-0000-7000-8000-00000000c0de'
const RETIRED = '01930000-0000-7000-8000-00000000dead'
const OTHER_TEAM = '01930000-0000-7000-8000-0000000050ed'
const MANAGER = '01930000-0000-7000-8000-00000000b055'

async function customer(name = 'Brunsviga Maschinenbau GmbH', number = 'K-1') {
  const company = await must<{ id: string; name: string }>('companies.create', validCompany({ name, customerNumber: number }))
  const contact = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de', phone: '+49 531 1234' })
  const offer = await must<{ id: string; number: string }>('offers.create', {
    companyId: company.id, contactId: contact.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  })
  return { company, contact, offer }
}
type Customer = Awaited<ReturnType<typeof customer>>

const taskOf = (c: Customer, fields: Record<string, unknown> = {}) =>
  must<Task>('tasks.create', { companyId: c.company.id, contactId: c.contact.id, title: 'Frau Berger zurückrufen', dueDate: '2026-11-24', dueTime: '10:30', priority: 'high', ...fields })

async function colleagues() {
  await t.ctx.db.insertInto('users').values([
    { id: COLLEAGUE, display_name: 'Carla Außendienst', role: 'field_sales', team_id: '', server_version: null, deleted_at: null },
    { id: RETIRED, display_name: 'Rudi Ruhestand', role: 'field_sales', team_id: '', server_version: null, deleted_at: '2026-10-01T00:00:00.000Z' },
    { id: OTHER_TEAM, display_name: 'Sven Süd', role: 'field_sales', team_id: 'team-sued', server_version: null, deleted_at: null },
    { id: MANAGER, display_name: 'Max Leitner', role: 'manager', team_id: 'team-sued', server_version: null, deleted_at: null },
  ]).execute()
}

async function entries(today: string, ownerId = '') {
  const list = await must<WorkList>('worklist.list', { ownerId, today })
  return { list, tasks: [...list.overdue, ...list.dueToday, ...list.upcoming].filter((i): i is TaskItem => i.source === 'task') }
}

describe('making a task', () => {
  it('is the current user\'s by default, with the names a list shows, listed by company, record and owner', async () => {
    const c = await customer()
    const task = await taskOf(c, { relatedType: 'offer', relatedId: c.offer.id, notes: 'Wegen Prüfstand' })
    expect(task).toMatchObject({
      companyId: c.company.id, companyName: 'Brunsviga Maschinenbau GmbH', contactId: c.contact.id, contactName: 'Anna Berger', relatedType: 'offer', relatedId: c.offer.id,
      relatedLabel: c.offer.number, title: 'Frau Berger zurückrufen', notes: 'Wegen Prüfstand', dueDate: '2026-11-24', dueTime: '10:30', priority: 'high', ownerId: t.ctx.userId,
      status: 'open', occurrence: 1, seriesId: '', recurrence: 'none', createdBy: t.ctx.userId,
    })
    await taskOf(c, { title: 'Prospekt schicken', dueTime: '', dueDate: '2026-11-20' })
    expect((await must<Task[]>('tasks.list', { companyId: c.company.id })).map((x) => x.title)).toEqual(['Prospekt schicken', 'Frau Berger zurückrufen'])
    expect((await must<Task[]>('tasks.list', { relatedType: 'offer', relatedId: c.offer.id })).map((x) => x.id)).toEqual([task.id])
    expect(await must<Task[]>('tasks.list', { ownerId: t.ctx.userId })).toHaveLength(2)
    expect(await must<Task>('tasks.get', { id: task.id })).toEqual(task)
    const op = await t.ctx.db.selectFrom('sync_outbox').select(['kind', 'fields']).where('row_id', '=', task.id).executeTakeFirstOrThrow()
    expect(op.kind).toBe('insert')
    expect(JSON.parse(op.fields)).toMatchObject({ owner_id: { new: t.ctx.userId }, due_time: { new: '10:30' }, related_type: { new: 'offer' } })
  })

  it('assigned to a colleague: on their work list, "von" the one who made it', async () => {
    await colleagues()
    const c = await customer()
    const task = await taskOf(c, { ownerId: COLLEAGUE })
    expect(task).toMatchObject({ ownerId: COLLEAGUE, ownerName: 'Carla Außendienst', createdBy: t.ctx.userId })
    expect((await entries('2026-11-20', COLLEAGUE)).tasks.map((x) => x.id)).toEqual([task.id])
    expect((await entries('2026-11-20', t.ctx.userId)).tasks).toEqual([])
    const [entry] = (await entries('2026-11-20')).tasks
    expect(entry!.view.detail).toEqual({ key: 'task.workListDetailTimeBy', params: { time: '10:30', priority: 'high', by: t.ctx.userName } })
  })

  it('as a "Wiedervorlage" of a touchpoint', async () => {
    const c = await customer()
    const touchpoint = await must<{ id: string }>('touchpoints.create', { companyId: c.company.id, contactId: c.contact.id, occurredAt: '2026-11-19T09:00:00.000Z', channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer', summary: 'Ruft nach der Messe zurück' })
    const task = await taskOf(c, { sourceTouchpointId: touchpoint.id })
    expect(task.sourceTouchpointId).toBe(touchpoint.id)
  })

  it('refuses each bad input at its field and writes nothing', async () => {
    await colleagues()
    const c = await customer()
    const other = await customer('Hansa Prüftechnik GmbH', 'K-2')
    const otherTouchpoint = await must<{ id: string }>('touchpoints.create', { companyId: other.company.id, occurredAt: '2026-11-19T09:00:00.000Z', channel: 'phone', direction: 'inbound', mode: 'direct', station: 'offer', summary: 'x' })
    const before = await written()
    const base = { companyId: c.company.id, title: 'Frau Berger zurückrufen', dueDate: '2026-11-24' }
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ recurrence: 'weekly' }, 'recurrenceUntil', 'errors.taskRecurrenceEnd'],
      [{ recurrence: 'monthly', recurrenceUntil: '2026-11-23' }, 'recurrenceUntil', 'errors.taskRecurrenceUntilBeforeDue'],
      [{ ownerId: RETIRED }, 'ownerId', 'errors.taskOwnerDisabled'],
      [{ ownerId: c.company.id }, 'ownerId', 'errors.taskOwnerUnknown'],
      // A colleague of another team never receives this customer, so the task would never reach them.
      [{ ownerId: OTHER_TEAM }, 'ownerId', 'errors.taskOwnerOtherTeam'],
      [{ dueDate: '2026-11-19' }, 'dueDate', 'errors.taskDuePast'],
      [{ dueDate: '24.11.2026' }, 'dueDate', 'errors.date'],
      [{ dueTime: '10.30' }, 'dueTime', 'errors.time'],
      [{ relatedType: 'offer', relatedId: other.offer.id }, 'relatedId', 'errors.taskRelatedNotOfCompany'],
      [{ relatedType: 'contract', relatedId: c.offer.id }, 'relatedId', 'errors.taskRelatedNotOfCompany'],
      [{ contactId: other.contact.id }, 'contactId', 'errors.contactNotOfCompany'],
      [{ sourceTouchpointId: otherTouchpoint.id }, 'sourceTouchpointId', 'errors.taskTouchpointNotOfCompany'],
      [{ title: '  ' }, 'title', 'errors.required'],
    ]
    for (const [change, field, key] of cases) expect((await refused('tasks.create', { ...base, ...change })).fields, field).toEqual({ [field]: key })
    expect(await written()).toEqual(before)
    // Today is not in the past; a manager sees every team's customers.
    expect(await taskOf(c, { dueDate: '2026-11-20' })).toMatchObject({ dueDate: '2026-11-20' })
    expect(await taskOf(c, { ownerId: MANAGER })).toMatchObject({ ownerName: 'Max Leitner' })
  })
})

describe('changing a task', () => {
  it('keeps its company; a past due day only when it was not changed; a disabled assignee is refused', async () => {
    await colleagues()
    const c = await customer()
    const task = await taskOf(c)
    const fields = { companyId: c.company.id, title: task.title, dueDate: task.dueDate, dueTime: '', priority: 'normal' }
    expect(await must<Task>('tasks.update', { id: task.id, fields: { ...fields, ownerId: COLLEAGUE } })).toMatchObject({ ownerId: COLLEAGUE, dueTime: '', priority: 'normal' })
    // Overdue now, and still changeable without moving it.
    t.setNow('2026-11-26T09:00:00.000Z')
    expect(await must<Task>('tasks.update', { id: task.id, fields: { ...fields, title: 'Frau Berger anrufen' } })).toMatchObject({ title: 'Frau Berger anrufen', dueDate: '2026-11-24', ownerId: COLLEAGUE })
    const before = await written()
    const other = await customer('Hansa Prüftechnik GmbH', 'K-2')
    const afterOther = await written()
    expect((await refused('tasks.update', { id: task.id, fields: { ...fields, dueDate: '2026-11-25' } })).fields).toEqual({ dueDate: 'errors.taskDuePast' })
    expect((await refused('tasks.update', { id: task.id, fields: { ...fields, ownerId: RETIRED } })).fields).toEqual({ ownerId: 'errors.taskOwnerDisabled' })
    expect((await refused('tasks.update', { id: task.id, fields: { ...fields, companyId: other.company.id } })).fields).toEqual({ companyId: 'errors.taskCompanyFixed' })
    expect((await refused('tasks.update', { id: task.id, fields: { ...fields, relatedType: 'offer', relatedId: other.offer.id } })).fields).toEqual({ relatedId: 'errors.taskRelatedNotOfCompany' })
    expect(await written()).toEqual(afterOther)
    expect(before.tasks).toBe(afterOther.tasks)
  })
})

describe('completing and cancelling', () => {
  it('done: a touchpoint of the task with the outcome on the timeline, then no more changes', async () => {
    const c = await customer()
    const task = await taskOf(c, { relatedType: 'offer', relatedId: c.offer.id })
    t.setNow('2026-11-24T10:40:00.000Z')
    const done = await must<Task>('tasks.complete', { id: task.id, channel: 'phone', outcome: 'Angebot besprochen, Entscheidung im Januar' })
    expect(done).toMatchObject({ status: 'done', doneAt: '2026-11-24T10:40:00.000Z', outcome: 'Angebot besprochen, Entscheidung im Januar', relatedType: 'offer', relatedId: c.offer.id })
    const touchpoint = await t.ctx.db.selectFrom('touchpoints').selectAll().where('id', '=', done.touchpointId).executeTakeFirstOrThrow()
    expect(touchpoint).toMatchObject({
      company_id: c.company.id, contact_id: c.contact.id, channel: 'phone', direction: 'outbound', station: 'offer', related_type: 'task', related_id: task.id,
      summary: 'Angebot besprochen, Entscheidung im Januar', message_key: 'task.done', message_params: JSON.stringify({ title: 'Frau Berger zurückrufen' }),
    })
    expect(touchpointLine('de', { messageKey: touchpoint.message_key, messageParams: JSON.parse(touchpoint.message_params!) as Record<string, string>, summary: touchpoint.summary }))
      .toBe('Aufgabe erledigt: Frau Berger zurückrufen – Angebot besprochen, Entscheidung im Januar')
    const timeline = await must<Array<{ id: string }>>('timeline.forCompany', { companyId: c.company.id })
    expect(JSON.stringify(timeline)).toContain(done.touchpointId)
    expect(await must('tasks.list', { companyId: c.company.id, status: 'all' })).toHaveLength(1) // a single task makes no next one
    const before = await written()
    expect(await refused('tasks.complete', { id: task.id, channel: 'phone', outcome: 'noch einmal' })).toMatchObject({ code: 'conflict', message: 'errors.taskNotOpen' })
    expect(await refused('tasks.cancel', { id: task.id })).toMatchObject({ code: 'conflict' })
    expect(await refused('tasks.update', { id: task.id, fields: { companyId: c.company.id, title: 'x', dueDate: '2026-12-24' } })).toMatchObject({ code: 'conflict' })
    expect(await written()).toEqual(before)
  })

  it('an empty outcome is refused at its field, nothing written', async () => {
    const c = await customer()
    const task = await taskOf(c)
    const before = await written()
    expect((await refused('tasks.complete', { id: task.id, channel: 'phone', outcome: '  ' })).fields).toEqual({ outcome: 'errors.required' })
    expect((await refused('worklist.complete', { source: 'task', id: task.id, channel: 'phone', outcome: '' })).fields).toEqual({ outcome: 'errors.required' })
    expect(await written()).toEqual(before)
  })

  it('a monthly series from 31 January: the next occurrence in the same transaction, 28 Feb then 31 Mar, ending after the count', async () => {
    t.setNow('2027-01-20T09:00:00.000Z')
    const c = await customer()
    const first = await taskOf(c, { title: 'Key-Account-Call', dueDate: '2027-01-31', recurrence: 'monthly', recurrenceInterval: 1, recurrenceCount: 3 })
    expect(first).toMatchObject({ seriesId: first.id, occurrence: 1, recurrence: 'monthly', recurrenceCount: 3 })
    t.setNow('2027-01-29T09:00:00.000Z')
    const before = await written()
    await must('tasks.complete', { id: first.id, channel: 'visit', outcome: 'Jahresgespräch geführt' })
    // One touchpoint and one new task, each with its outbox operation (plus the update of the done task).
    expect(await written()).toEqual({ tasks: before.tasks + 1, touchpoints: before.touchpoints + 1, outbox: before.outbox + 3 })
    const open = async () => must<Task[]>('tasks.list', { companyId: c.company.id, status: 'open' })
    const [second] = await open()
    expect(second).toMatchObject({ title: 'Key-Account-Call', dueDate: '2027-02-28', occurrence: 2, seriesId: first.id, dueTime: '10:30', priority: 'high', ownerId: t.ctx.userId, contactId: c.contact.id })
    t.setNow('2027-02-28T09:00:00.000Z')
    await must('worklist.complete', { source: 'task', id: second!.id, channel: 'phone', outcome: 'erreicht' })
    const [third] = await open()
    expect(third).toMatchObject({ dueDate: '2027-03-31', occurrence: 3, seriesId: first.id })
    await must('tasks.complete', { id: third!.id, channel: 'phone', outcome: 'erreicht' })
    expect(await open()).toEqual([])
  })

  it('a weekly series ends on its until day; cancelling ends a series', async () => {
    const c = await customer()
    const first = await taskOf(c, { dueDate: '2026-11-23', recurrence: 'weekly', recurrenceInterval: 2, recurrenceUntil: '2026-12-07' })
    await must('tasks.complete', { id: first.id, channel: 'phone', outcome: 'ok' })
    const [second] = await must<Task[]>('tasks.list', { companyId: c.company.id, status: 'open' })
    expect(second).toMatchObject({ dueDate: '2026-12-07', occurrence: 2, recurrenceUntil: '2026-12-07' })
    const cancelled = await must<Task>('tasks.cancel', { id: second!.id })
    expect(cancelled).toMatchObject({ status: 'cancelled', doneAt: null, touchpointId: '' })
    expect(await must('tasks.list', { companyId: c.company.id, status: 'open' })).toEqual([])
    expect(await must('tasks.list', { companyId: c.company.id, status: 'all' })).toHaveLength(2)
  })
})

describe('tasks on the work list', () => {
  it('are a registered source: overdue, due today and upcoming, with their view; snoozed to a later day', async () => {
    expect(WORK_LIST_SOURCES.map((s) => s.source)).toContain('task')
    const c = await customer()
    const task = await taskOf(c)
    await taskOf(c, { title: 'Weit weg', dueDate: '2027-03-01' })
    const { list, tasks } = await entries('2026-11-24')
    expect(list.dueToday.filter((i) => i.source === 'task').map((i) => i.id)).toEqual([task.id])
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({ source: 'task', kind: 'task', title: 'Frau Berger zurückrufen', dueTime: '10:30', priority: 'high', contactName: 'Anna Berger', contactPhone: '+49 531 1234' })
    expect(tasks[0]!.view).toEqual({
      label: { key: 'task.workList', params: { title: 'Frau Berger zurückrufen', company: 'Brunsviga Maschinenbau GmbH' } },
      subject: { text: 'Frau Berger zurückrufen', href: `/tasks/${task.id}` },
      detail: { key: 'task.workListDetailTime', params: { time: '10:30', priority: 'high' } },
      calendarTitle: { key: 'task.calendar', params: { title: 'Frau Berger zurückrufen' } },
      calendarDetail: { key: 'task.calendarDetailTime', params: { dueDate: '2026-11-24', time: '10:30', priority: 'high' } },
      valueCents: 0,
    })
    expect((await entries('2026-11-30')).list.overdue.map((i) => i.id)).toContain(task.id)
    const ref = { source: 'task', id: task.id }
    expect((await refused('worklist.snooze', { ...ref, until: '2026-11-20' })).fields).toEqual({ until: 'errors.snoozeFuture' })
    await must('worklist.snooze', { ...ref, until: '2026-11-27' })
    expect(await must<Task>('tasks.get', { id: task.id })).toMatchObject({ dueDate: '2026-11-27' })
    const ics = await must<{ content: string }>('worklist.ics', { ownerId: '', language: 'de' })
    expect(ics.content).toContain('Aufgabe: Frau Berger zurückrufen')
  })

  it('a deleted company takes its tasks along', async () => {
    const c = await customer()
    const task = await taskOf(c)
    await must('companies.delete', { id: c.company.id })
    expect(await refused('tasks.complete', { id: task.id, channel: 'phone', outcome: 'x' })).toMatchObject({ code: 'not_found' })
    expect((await entries('2026-11-24')).tasks).toEqual([])
  })
})
