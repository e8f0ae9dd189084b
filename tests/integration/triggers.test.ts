// Early-warning triggers (issue 17) from real rows: each shipped rule fires once — a firing and a task on the owner's
// work list, in the transaction that wrote the fact — and not again on the next refresh; the daily roll fires the
// date-based rules; a disabled rule fires nothing; the manager's rule edits refuse bad input at the field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { rollTriggers } from '../../electron/main/modules/success'
import { triggerFiringId, triggerTaskId } from '../../db/modules/success'
import type { TriggerFiringView, TriggerReport, TriggerRulesPage } from '../../shared/modules/success'
import type { Task } from '../../shared/modules/planning'
import { eventLine, eventMessage, taskTitleText } from '../../shared/i18n/event-text'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-20T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const item = { productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }
const count = async (table: 'tasks' | 'trigger_firings' | 'trigger_rules' | 'sync_outbox') =>
  Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const firings = async (companyId: string, signal?: string) => (await must<TriggerFiringView[]>('triggerFirings.list', { companyId })).filter((f) => !signal || f.signal === signal)
const tasksOf = (companyId: string) => t.ctx.db.selectFrom('tasks').selectAll().where('company_id', '=', companyId).orderBy('due_date').execute()

async function customer(number = 'K-1', fields: Record<string, unknown> = {}) {
  const company = await must<{ id: string }>('companies.create', validCompany({ name: `Kunde ${number}`, customerNumber: number, status: 'customer', ...fields }))
  const contact = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de' })
  return { id: company.id, contactId: contact.id }
}
type Customer = Awaited<ReturnType<typeof customer>>
const nps = (c: Customer, score: number, givenOn = '2026-11-20') =>
  must<{ id: string }>('feedback.create', { companyId: c.id, contactId: c.contactId, kind: 'nps', station: 'usage', givenOn, score, comment: '', quotePermission: false })
const complaint = (c: Customer, receivedAt: string) =>
  must<{ id: string; number: string }>('cases.create', { type: 'complaint', companyId: c.id, contactId: c.contactId, channel: 'phone', receivedAt, subject: 'Prüfstand misst falsch', description: '', priority: 'high' })
const touchpoint = (c: Customer, occurredAt: string) =>
  must('touchpoints.create', { companyId: c.id, occurredAt, channel: 'phone', direction: 'outbound', mode: 'direct', station: 'usage', summary: 'Telefonat' })
async function sentOffer(c: Customer) {
  const offer = await must<{ id: string; number: string }>('offers.create', {
    companyId: c.id, contactId: c.contactId, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  })
  await must('offers.send', { id: offer.id })
  return offer
}

describe('the shipped rules fire once from real rows', () => {
  it('a detractor answer (NPS ≤ 6): a firing and a task on the owner\'s work list, not again on the next refresh', async () => {
    const c = await customer()
    await nps(c, 8)
    expect(await firings(c.id)).toEqual([])
    const answer = await nps(c, 4)
    const [firing] = await firings(c.id)
    const id = triggerFiringId('detractor', c.id, `feedback:${answer.id}`)
    expect(firing).toMatchObject({ id, signal: 'detractor', firedOn: '2026-11-20', messageKey: 'trigger.reason.detractor', messageParams: { score: 4, givenOn: '2026-11-20' },
      taskId: triggerTaskId(id), taskStatus: 'open', assigneeName: t.ctx.userName })
    const [task] = await tasksOf(c.id)
    expect(task).toMatchObject({ id: triggerTaskId(id), owner_id: t.ctx.userId, due_date: '2026-11-20', priority: 'high', trigger_firing_id: id,
      title: 'Kritiker nachfassen: anrufen, Ursache klären', title_key: 'trigger.step.detractor', title_params: '{}', notes: '' })
    // The title and why it fired are keys: each reader sees them in their own language.
    const view = await must<Task>('tasks.get', { id: task!.id })
    expect([taskTitleText('de', view), taskTitleText('en', view)]).toEqual(['Kritiker nachfassen: anrufen, Ursache klären', 'Follow up the detractor: call and find the cause'])
    expect(eventMessage('en', view.noteRef!.key, view.noteRef!.params)).toBe('Early warning “Detractor answer (NPS)”: NPS answer 4 of 20/11/2026')
    expect(eventMessage('de', view.noteRef!.key, view.noteRef!.params)).toBe('Frühwarnung „Kritiker-Antwort (NPS)“: NPS-Antwort 4 vom 20.11.2026')
    const list = await must<{ dueToday: Array<{ id: string }> }>('worklist.list', { ownerId: t.ctx.userId, today: '2026-11-20' })
    expect(list.dueToday.map((e) => e.id)).toContain(task!.id)
    // Both rows travel: one outbox insert each.
    const ops = await t.ctx.db.selectFrom('sync_outbox').select(['table_name', 'kind']).where('row_id', 'in', [id, task!.id]).execute()
    expect(ops.map((o) => `${o.table_name}:${o.kind}`).sort()).toEqual(['tasks:insert', 'trigger_firings:insert'])
    // The next refresh of the company (another touchpoint) fires nothing new.
    await touchpoint(c, '2026-11-20T10:00:00.000Z')
    expect(await count('trigger_firings')).toBe(1)
    expect(await count('tasks')).toBe(1)
  })

  it('a warning task\'s title stays the app\'s while saved as shown (in either language), a changed title is the user\'s; done, the timeline reads it in each language', async () => {
    const c = await customer()
    await nps(c, 3)
    const [row] = await tasksOf(c.id)
    const task = await must<Task>('tasks.get', { id: row!.id })
    const fields = (title: string) => ({ companyId: c.id, contactId: '', relatedType: '', relatedId: '', title, notes: '', dueDate: task.dueDate, dueTime: '', priority: 'high',
      ownerId: task.ownerId, recurrence: 'none', recurrenceInterval: 1, recurrenceUntil: '', recurrenceCount: null, sourceTouchpointId: '' })
    // Saved from an English screen with the title as shown: still the app's title.
    await must('tasks.update', { id: task.id, fields: fields('Follow up the detractor: call and find the cause') })
    expect((await tasksOf(c.id))[0]).toMatchObject({ title_key: 'trigger.step.detractor', title: 'Kritiker nachfassen: anrufen, Ursache klären' })
    const item = (await must<{ dueToday: Array<{ id: string; view: { label: { key: string; params: Record<string, string> } } }> }>('worklist.list', { ownerId: t.ctx.userId, today: '2026-11-20' }))
      .dueToday.find((e) => e.id === task.id)!
    expect(eventMessage('en', item.view.label.key as never, item.view.label.params)).toBe('Task “Follow up the detractor: call and find the cause” – Kunde K-1')
    await must('tasks.complete', { id: task.id, channel: 'phone', outcome: 'Angerufen' })
    const done = await t.ctx.db.selectFrom('touchpoints').select(['message_key', 'message_params']).where('related_id', '=', task.id).executeTakeFirstOrThrow()
    expect(eventLine('en', { messageKey: done.message_key, messageParams: done.message_params, text: '' })).toBe('Task done: Follow up the detractor: call and find the cause')
    expect(eventLine('de', { messageKey: done.message_key, messageParams: done.message_params, text: '' })).toBe('Aufgabe erledigt: Kritiker nachfassen: anrufen, Ursache klären')
    // Another warning's task, retitled by its owner: their words from then on.
    await touchpoint(c, '2026-11-20T10:00:00.000Z')
    const other = await customer('K-2')
    await nps(other, 2)
    const [second] = await tasksOf(other.id)
    await must('tasks.update', { id: second!.id, fields: { ...fields('Herrn Berger wegen der Lieferung anrufen'), companyId: other.id } })
    const retitled = await must<Task>('tasks.get', { id: second!.id })
    expect(retitled).toMatchObject({ title: 'Herrn Berger wegen der Lieferung anrufen', titleRef: null })
  })

  it('the second complaint within 90 days, not the first nor the third; an old one outside the window does not count', async () => {
    const c = await customer()
    await complaint(c, '2026-07-01T09:00:00.000Z')
    const first = await complaint(c, '2026-11-02T09:00:00.000Z')
    expect(await firings(c.id, 'complaints')).toEqual([])
    const second = await complaint(c, '2026-11-19T09:00:00.000Z')
    await complaint(c, '2026-11-20T08:00:00.000Z')
    const list = await firings(c.id, 'complaints')
    expect(list).toHaveLength(1)
    // Named after the window's first complaint, so a laptop that logged another second complaint makes the same one.
    expect(list[0]!.id).toBe(triggerFiringId('complaints', c.id, `complaints-from:${first.id}`))
    expect(list[0]).toMatchObject({ signal: 'complaints', relatedType: 'case', relatedId: second.id, messageParams: { count: 2, number: second.number, receivedOn: '2026-11-19' } })
    expect((await tasksOf(c.id)).find((x) => x.related_id === second.id)).toMatchObject({ related_type: 'case', title: 'Wiederholte Reklamation: Gespräch mit dem Kunden führen' })
  })

  it('a complaint window that fired under the earlier occasion (the completing complaint) does not fire again', async () => {
    const c = await customer()
    await complaint(c, '2026-11-02T09:00:00.000Z')
    // As a laptop of the earlier version recorded it: the firing named after the second complaint.
    const second = await complaint(c, '2026-11-19T09:00:00.000Z')
    const [made] = await firings(c.id, 'complaints')
    await t.ctx.db.updateTable('tasks').set({ trigger_firing_id: null }).where('trigger_firing_id', '=', made!.id).execute()
    await t.ctx.db.updateTable('trigger_firings').set({ id: triggerFiringId('complaints', c.id, `case:${second.id}`), task_id: null }).where('id', '=', made!.id).execute()
    await touchpoint(c, '2026-11-20T10:00:00.000Z')
    expect((await firings(c.id, 'complaints')).map((f) => f.id)).toEqual([triggerFiringId('complaints', c.id, `case:${second.id}`)])
  })

  it('a cancel-by date within 60 days without a renewal offer — in the roll, once; an offer for the renewal keeps another quiet', async () => {
    const c = await customer()
    const other = await customer('K-2')
    const contractOf = (x: Customer) => must<{ id: string; number: string; cancelBy: string }>('contracts.create', {
      companyId: x.id, contactId: x.contactId, offerId: '', type: 'maintenance', title: 'Wartung', startDate: '2025-03-01', minimumTermMonths: 24, endDate: '',
      noticeValue: 3, noticeUnit: 'months', renewalMonths: 12, annualValueCents: 1_200_000, ownerId: '', notes: '', items: [],
    })
    const contract = await contractOf(c)
    expect(contract.cancelBy).toBe('2026-11-30')
    const quiet = await contractOf(other)
    await must('offers.create', {
      companyId: other.id, contactId: other.contactId, contractId: quiet.id, contractTermMonths: 12, offerDate: '2026-11-19', validUntil: '2026-12-19',
      offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
    })
    await t.ctx.db.deleteFrom('trigger_firings').execute()
    await t.ctx.db.deleteFrom('tasks').execute()
    expect(await rollTriggers(t.ctx)).toMatchObject({ companies: 2, fired: 1 })
    const [firing] = await firings(c.id)
    expect(firing).toMatchObject({ signal: 'cancel_by', relatedType: 'contract', relatedId: contract.id, firedOn: '2026-10-01', messageParams: { number: contract.number, cancelBy: '2026-11-30' } })
    expect(await firings(other.id)).toEqual([])
    // Once a day; and forced again, nothing new.
    expect(await rollTriggers(t.ctx)).toEqual({ companies: 0, fired: 0 })
    expect(await rollTriggers(t.ctx, { force: true })).toMatchObject({ fired: 0 })
    expect(await count('tasks')).toBe(1)
  })

  it('no touchpoint for twice the segment norm (mid-market: 45 days → 90), once per silence, not for a silence that crossed long ago', async () => {
    const c = await customer('K-1', { segment: 'mid_market' })
    const fresh = await customer('K-2', { segment: 'mid_market' })
    await touchpoint(c, '2026-08-01T09:00:00.000Z')
    await touchpoint(fresh, '2026-10-01T09:00:00.000Z')
    // A silence that crossed its 90 days back in April is older than FRESH_DAYS: no months-old overdue task.
    const longSilent = await customer('K-3', { segment: 'mid_market' })
    await touchpoint(longSilent, '2026-01-02T09:00:00.000Z')
    expect(await firings(longSilent.id)).toEqual([])
    const [firing] = await firings(c.id)
    expect(firing).toMatchObject({ signal: 'no_touchpoint', firedOn: '2026-10-30', messageKey: 'trigger.reason.noTouchpoint', messageParams: { days: 90, norm: 45 } })
    expect(await firings(fresh.id)).toEqual([])
    await rollTriggers(t.ctx)
    expect(await count('trigger_firings')).toBe(1)
    // Sixty days on, the other customer's silence reaches 90 days too: the roll fires it.
    t.setNow('2026-12-31T09:00:00.000Z')
    expect((await rollTriggers(t.ctx)).fired).toBe(1)
    expect(await firings(fresh.id)).toHaveLength(1)
  })

  it('a lost offer: "timing" brings a re-contact at the date the customer named, a competitor a re-approach 3 months before 36 months end', async () => {
    const c = await customer()
    const timing = await sentOffer(c)
    await must('offers.lose', { id: timing.id, reason: 'timing', competitor: '', note: '', recontactOn: '2027-03-01' })
    const lostToRival = await sentOffer(c)
    await must('offers.lose', { id: lostToRival.id, reason: 'competitor', competitor: 'Prüftechnik Nord', note: '' })
    const noDate = await sentOffer(c)
    await must('offers.lose', { id: noDate.id, reason: 'no_budget', competitor: '', note: '' })
    const list = await firings(c.id)
    expect(list.map((f) => f.relatedId).sort()).toEqual([timing.id, lostToRival.id].sort())
    const tasks = await tasksOf(c.id)
    expect(tasks.map((x) => [x.related_id, x.due_date, x.priority])).toEqual([[timing.id, '2027-03-01', 'normal'], [lostToRival.id, '2029-08-20', 'normal']])
    expect(tasks[1]!.title).toBe('Vor Laufzeitende beim Wettbewerber neu ansprechen')
    const rival = await must<Task>('tasks.get', { id: tasks[1]!.id })
    expect(taskTitleText('en', rival)).toBe('Re-approach before the competitor’s term ends')
    expect(eventMessage('de', rival.noteRef!.key, rival.noteRef!.params)).toContain('an Prüftechnik Nord verloren, dessen Laufzeit endet etwa am 20.11.2029')
  })
})

describe('rules edited by a manager', () => {
  const save = (input: Record<string, unknown>) => dispatch(t.app, 'triggerRules.save', { signal: 'detractor', enabled: true, threshold: 6, action: 'task_owner', targetUserId: '', ...input })
  const RETIRED = '01930000-0000-7000-8000-00000000dead'
  const MANAGER = '01930000-0000-7000-8000-00000000b055'
  const REP = '01930000-0000-7000-8000-00000000c0de'

  it('lists the shipped rules, and a disabled rule fires nothing; a lower threshold is used', async () => {
    const page = await must<TriggerRulesPage>('triggerRules.list')
    expect(page.canEdit).toBe(true)
    expect(page.rules.map((r) => [r.signal, r.enabled, r.threshold, r.action])).toEqual([
      ['detractor', true, 6, 'task_owner'], ['complaints', true, 2, 'task_owner'], ['cancel_by', true, 60, 'task_owner'], ['no_touchpoint', true, 2, 'task_owner'], ['lost_revival', true, 3, 'task_owner'],
      ['health_low', true, 40, 'task_owner'],
    ])
    const c = await customer()
    expect((await save({ threshold: 3 })).ok).toBe(true)
    await nps(c, 4)
    expect(await firings(c.id)).toEqual([])
    await nps(c, 3)
    expect(await firings(c.id)).toHaveLength(1)
    expect((await save({ enabled: false })).ok).toBe(true)
    await nps(c, 0)
    expect(await firings(c.id)).toHaveLength(1)
    expect(await count('trigger_rules')).toBe(1)
  })

  it('notify the manager: the task is on the manager\'s list', async () => {
    await t.ctx.db.insertInto('users').values({ id: MANAGER, display_name: 'Max Leitner', role: 'manager', team_id: '', server_version: null, deleted_at: null }).execute()
    expect((await save({ action: 'notify_manager', targetUserId: MANAGER })).ok).toBe(true)
    const c = await customer()
    await nps(c, 2)
    const [task] = await tasksOf(c.id)
    expect(task).toMatchObject({ owner_id: MANAGER, title: 'Frühwarnung bei Kunde K-1: Kritiker nachfassen: anrufen, Ursache klären', title_key: 'trigger.step.notifyManager' })
    // The wrapped step is a key too: the manager reading English sees all of it in English.
    expect(taskTitleText('en', await must<Task>('tasks.get', { id: task!.id }))).toBe('Early warning at Kunde K-1: Follow up the detractor: call and find the cause')
  })

  it('refuses bad input at its field and writes nothing', async () => {
    await t.ctx.db.insertInto('users').values([
      { id: RETIRED, display_name: 'Rudi Ruhestand', role: 'manager', team_id: '', server_version: null, deleted_at: '2026-10-01T00:00:00.000Z' },
      { id: REP, display_name: 'Carla Außendienst', role: 'field_sales', team_id: '', server_version: null, deleted_at: null },
    ]).execute()
    const before = { rules: await count('trigger_rules'), outbox: await count('sync_outbox') }
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ threshold: 11 }, 'threshold', 'errors.triggerThresholdRange'],
      [{ threshold: -1 }, 'threshold', 'errors.triggerThresholdRange'],
      [{ signal: 'cancel_by', threshold: 400 }, 'threshold', 'errors.triggerThresholdRange'],
      [{ signal: 'complaints', threshold: 1 }, 'threshold', 'errors.triggerThresholdRange'],
      [{ threshold: 2.5 }, 'threshold', 'errors.number'],
      [{ action: 'notify_manager' }, 'targetUserId', 'errors.required'],
      [{ action: 'notify_manager', targetUserId: RETIRED }, 'targetUserId', 'errors.triggerTargetDisabled'],
      [{ action: 'notify_manager', targetUserId: REP }, 'targetUserId', 'errors.triggerTargetNotManager'],
      [{ action: 'notify_manager', targetUserId: MANAGER }, 'targetUserId', 'errors.triggerTargetUnknown'],
      [{ action: 'propose_mail' }, 'action', 'errors.triggerMailNoRecord'],
      [{ signal: 'health' }, 'signal', 'errors.invalidChoice'],
    ]
    for (const [input, field, key] of cases) {
      const answer = await save(input)
      expect(answer.ok, JSON.stringify(input)).toBe(false)
      if (!answer.ok) expect(answer.error.fields?.[field], JSON.stringify(input)).toBe(key)
    }
    expect({ rules: await count('trigger_rules'), outbox: await count('sync_outbox') }).toEqual(before)
  })

  it('a rep connected to a server may not edit them', async () => {
    await t.ctx.db.insertInto('sync_state').values({ key: 'user', value: JSON.stringify({ role: 'field_sales' }) }).execute()
    const answer = await save({})
    expect(answer.ok ? null : answer.error).toMatchObject({ code: 'forbidden', message: 'errors.triggerNotAllowed' })
    expect((await must<TriggerRulesPage>('triggerRules.list')).canEdit).toBe(false)
    expect(await count('trigger_rules')).toBe(0)
  })
})

describe('the follow-up report', () => {
  it('the health score falling below 40: one firing a month with the score as its reason, in the write that made it fall', async () => {
    const c = await customer()
    await touchpoint(c, '2026-11-19T09:00:00.000Z')
    expect(await firings(c.id, 'health_low')).toEqual([])
    await complaint(c, '2026-11-10T09:00:00.000Z')
    await nps(c, 2)
    expect(await firings(c.id, 'health_low')).toEqual([])
    await complaint(c, '2026-11-18T09:00:00.000Z')
    const score = Number((await t.ctx.db.selectFrom('company_health').select('score').where('company_id', '=', c.id).executeTakeFirstOrThrow()).score)
    expect(score).toBeLessThan(40)
    const [firing] = await firings(c.id, 'health_low')
    expect(firing).toMatchObject({ id: triggerFiringId('health_low', c.id, 'health:2026-11'), firedOn: '2026-11-20', messageKey: 'trigger.reason.healthLow', messageParams: { score, threshold: 40 } })
    const task = (await tasksOf(c.id)).find((x) => x.trigger_firing_id === firing!.id)
    expect(task).toMatchObject({ title: 'Gesundheitswert kritisch: Gründe mit dem Kunden klären', owner_id: t.ctx.userId, due_date: '2026-11-20' })
    // Still low the next day and after the roll: the same month, no second firing.
    t.setNow('2026-11-21T09:00:00.000Z')
    await touchpoint(c, '2026-11-21T08:00:00.000Z')
    await rollTriggers(t.ctx)
    expect(await firings(c.id, 'health_low')).toHaveLength(1)
  })

  it('counts firings, their tasks and those done, per rule', async () => {
    const c = await customer()
    await nps(c, 1)
    await complaint(c, '2026-11-10T09:00:00.000Z')
    await complaint(c, '2026-11-18T09:00:00.000Z')
    const [task] = await tasksOf(c.id)
    await must('tasks.complete', { id: task!.id, channel: 'phone', outcome: 'Ursache geklärt' })
    const report = await must<TriggerReport>('reports.triggers', { from: '2026-11-01', to: '2026-11-30' })
    // The detractor, the second complaint, and the health score they pushed below 40.
    expect(report.total).toEqual({ fired: 3, tasks: 3, done: 1 })
    expect(report.rows.filter((r) => r.fired > 0).map((r) => r.signal).sort()).toEqual(['complaints', 'detractor', 'health_low'])
    const bad = await dispatch(t.app, 'reports.triggers', { from: '2026-12-01', to: '2026-11-01' })
    expect(bad.ok ? null : bad.error.fields).toEqual({ to: 'errors.triggerRange' })
  })
})
