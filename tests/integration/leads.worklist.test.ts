// Handed-over leads on the work list by their response-time target (issue 19): due by the end of the German business
// day after arrival, overdue after it; Marketing-Leads, decided and deleted leads are not on it; inside sales,
// managers and admins see them, field sales do not; the entry is worked in the inbox (done/snooze refused).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { getLeadRules, leadReport, leadWorkListSource, updateLeadRules } from '../../electron/main/modules/leads'
import { workList } from '../../electron/main/modules/worklist/worklist.service'
import { storedLead, type StoredLeadFixture } from '../helpers/leads'
import { openTestDb, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-10T09:00:00.000Z') // Tuesday
})
afterEach(async () => t.cleanup())

const lead = async (f: StoredLeadFixture) => {
  await t.ctx.db.insertInto('leads').values(storedLead(f)).execute()
}
const signIn = async (role: string) => {
  await t.ctx.db.updateTable('users').set({ role }).where('id', '=', t.ctx.userId).execute()
  await t.ctx.db.insertInto('sync_state').values({ key: 'user', value: JSON.stringify({ id: t.ctx.userId, login: 'ben', displayName: 'Ben', email: '', role, teamId: '' }) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ id: t.ctx.userId, role }) })).execute()
}

describe('leads on the work list', () => {
  beforeEach(async () => {
    // Fri 6 Nov 16:00 German time → due Mon 9 (overdue on Tue 10); Sat 7 → counts from Mon → due Tue 10 (today);
    // Mon 9 → due Tue 10 (today, the higher score first); Tue 10 → due Wed 11 (upcoming).
    await lead({ id: 'fri', score: 70, receivedAt: '2026-11-06T15:00:00.000Z', lastName: 'Freitag', companyName: 'Freitag GmbH' })
    await lead({ id: 'sat', score: 55, receivedAt: '2026-11-07T10:00:00.000Z', lastName: 'Samstag', companyName: 'Samstag KG' })
    await lead({ id: 'mon', score: 90, receivedAt: '2026-11-09T08:00:00.000Z', lastName: 'Montag', companyName: 'Montag AG' })
    await lead({ id: 'tue', score: 60, receivedAt: '2026-11-10T08:00:00.000Z', lastName: 'Dienstag', companyName: 'Dienstag GmbH' })
    // Not on the list: a Marketing-Lead, a decided lead, a deleted lead.
    await lead({ id: 'low', score: 20, receivedAt: '2026-11-02T08:00:00.000Z' })
    await lead({ id: 'done', score: 80, receivedAt: '2026-11-02T08:00:00.000Z', status: 'converted', afterHours: 30 })
    await lead({ id: 'gone', score: 80, receivedAt: '2026-11-02T08:00:00.000Z', deleted: true })
  })

  it('lists open handed-over leads by their due day: overdue, today (higher score first), upcoming', async () => {
    const list = await workList(t.ctx, { ownerId: '', today: '2026-11-10', limit: 50 })
    const leads = (items: typeof list.overdue) => items.filter((i) => i.source === 'lead').map((i) => [i.id, i.dueDate])
    expect(leads(list.overdue)).toEqual([['fri', '2026-11-09']])
    expect(leads(list.dueToday)).toEqual([['mon', '2026-11-10'], ['sat', '2026-11-10']])
    expect(leads(list.upcoming)).toEqual([['tue', '2026-11-11']])
    expect(await leadWorkListSource.count(t.ctx, { ownerId: '', from: '', to: '2026-12-31', today: '2026-11-10' })).toEqual({ overdue: 1, dueToday: 2, upcoming: 1 })
    // A short page takes the most urgent (and within a day the higher score).
    expect((await leadWorkListSource.list(t.ctx, { ownerId: '', from: '', to: '2026-12-31', limit: 2 })).map((i) => i.id)).toEqual(['fri', 'mon'])
    // Ranges: only what is due in them.
    expect((await leadWorkListSource.list(t.ctx, { ownerId: '', from: '2026-11-10', to: '2026-11-10', limit: 10 })).map((i) => i.id)).toEqual(['mon', 'sat'])
    const overdue = list.overdue.find((i) => i.id === 'fri')!
    expect(overdue).toMatchObject({ companyId: '', companyName: 'Freitag GmbH', contactName: 'Greta Freitag', view: { label: { key: 'lead.workList' } } })
  })

  it("follows the team's response-time target: with two business days nothing is overdue yet", async () => {
    await updateLeadRules(t.ctx, { threshold: 50, responseDays: 2, territories: [] })
    // Fri 6 Nov → due Tue 10 (today); Sat 7 and Mon 9 → due Wed 11; Tue 10 → due Thu 12.
    const list = await workList(t.ctx, { ownerId: '', today: '2026-11-10', limit: 50 })
    const leads = (items: typeof list.overdue) => items.filter((i) => i.source === 'lead').map((i) => [i.id, i.dueDate])
    expect(leads(list.overdue)).toEqual([])
    expect(leads(list.dueToday)).toEqual([['fri', '2026-11-10']])
    expect(leads(list.upcoming)).toEqual([['mon', '2026-11-11'], ['sat', '2026-11-11'], ['tue', '2026-11-12']])
    expect(await leadWorkListSource.count(t.ctx, { ownerId: '', from: '', to: '2026-12-31', today: '2026-11-10' })).toEqual({ overdue: 0, dueToday: 1, upcoming: 3 })
    expect((await leadReport(t.ctx, { from: '2026-11-01', to: '2026-11-30' })).firstContact.targetBusinessDays).toBe(2)
    // A bad target is a field error, and the stored rules stay as they were.
    expect(await dispatch(t.app, 'leadRules.update', { threshold: 50, responseDays: 0, territories: [] }))
      .toMatchObject({ ok: false, error: { fields: { responseDays: 'errors.leadResponseDays' } } })
    expect((await getLeadRules(t.ctx)).rules.responseDays).toBe(2)
  })

  it('cannot be completed or snoozed on the list: it is worked in the inbox', async () => {
    const done = await dispatch(t.app, 'worklist.complete', { source: 'lead', id: 'fri', channel: 'phone', outcome: 'angerufen' })
    expect(done).toMatchObject({ ok: false, error: { message: 'errors.leadDecideInInbox' } })
    const snoozed = await dispatch(t.app, 'worklist.snooze', { source: 'lead', id: 'fri', until: '2026-11-20' })
    expect(snoozed.ok).toBe(false)
  })

  it('is shown to inside sales, managers and admins, not to field sales or service', async () => {
    for (const [role, shown] of [['inside_sales', 4], ['manager', 4], ['admin', 4], ['field_sales', 0], ['service', 0]] as const) {
      await signIn(role)
      const list = await workList(t.ctx, { ownerId: '', today: '2026-11-10', limit: 50 })
      expect([...list.overdue, ...list.dueToday, ...list.upcoming].filter((i) => i.source === 'lead'), role).toHaveLength(shown)
    }
  })
})
