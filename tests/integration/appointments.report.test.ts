// After an appointment: the visit report (a touchpoint on the timeline, the appointment done, follow-up tasks and
// the next appointment, in one transaction; a bad part writes nothing); the invitation read back by ical.js
// (METHOD:REQUEST, stable UID, SEQUENCE, attendees, DTSTART/DTEND in UTC in summer and in winter); and the
// reminders due at the lead time, each once per key.
import ICAL from 'ical.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { touchpointLine } from '../../shared/i18n/event-text'
import type { Appointment, Reminder } from '../../shared/modules/planning'
import type { ExportFile } from '../../shared/platform/export-file'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-20T09:00:00.000Z') // Friday, 10:00 in Berlin
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const TABLES = ['appointments', 'appointment_participants', 'touchpoints', 'tasks', 'sync_outbox'] as const
const count = async (table: (typeof TABLES)[number]) => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await count(table)])))

async function customer() {
  const company = await must<{ id: string }>('companies.create', validCompany({ customerNumber: 'K-1' }))
  const anna = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de', email: 'A.Berger@brunsviga.example' })
  const bernd = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Bernd', lastName: 'Kühn', language: 'de' })
  return { company, anna, bernd }
}
const fields = (companyId: string, extra: Record<string, unknown> = {}) => ({
  companyId, kind: 'visit', title: 'Besuch Prüfstand', startsAt: '2026-11-19T10:00', endsAt: '2026-11-19T11:30', location: '', notes: '', contactIds: [], userIds: [], ...extra,
})
const task = (companyId: string, extra: Record<string, unknown> = {}) => ({ companyId, title: 'Angebot schreiben', dueDate: '2026-11-27', ...extra })

describe('the visit report', () => {
  it('becomes a touchpoint, makes the appointment done and writes the follow-up tasks and the next appointment', async () => {
    const c = await customer()
    const a = await must<Appointment>('appointments.create', fields(c.company.id, { contactIds: [c.anna.id] }))
    const reported = await must<Appointment>('appointments.report', {
      id: a.id, channel: 'visit', summary: 'Prüfstand besichtigt, Angebot gewünscht',
      tasks: [task(c.company.id), task(c.company.id, { title: 'Referenzen schicken', dueDate: '2026-11-24', dueTime: '09:00' })],
      next: fields(c.company.id, { title: 'Angebot besprechen', startsAt: '2026-12-03T14:00', endsAt: '2026-12-03T15:00', contactIds: [c.anna.id] }),
    })
    expect(reported).toMatchObject({ status: 'done', sequence: 1 })
    const touchpoint = await t.ctx.db.selectFrom('touchpoints').selectAll().where('id', '=', reported.reportTouchpointId).executeTakeFirstOrThrow()
    expect(touchpoint).toMatchObject({
      company_id: c.company.id, contact_id: c.anna.id, channel: 'visit', summary: 'Prüfstand besichtigt, Angebot gewünscht', related_type: 'appointment', related_id: a.id,
      message_key: 'appointment.reported', occurred_at: '2026-11-19T09:00:00.000Z',
    })
    expect(touchpointLine('de', { messageKey: touchpoint.message_key, messageParams: JSON.parse(touchpoint.message_params!) as Record<string, string>, summary: '' })).toBe('Besuchsbericht: Besuch Prüfstand')
    const tasks = await t.ctx.db.selectFrom('tasks').selectAll().orderBy('due_date').execute()
    expect(tasks.map((x) => [x.title, x.due_date, x.due_time, x.owner_id, x.status, x.source_touchpoint_id])).toEqual([
      ['Referenzen schicken', '2026-11-24', '09:00', t.ctx.userId, 'open', touchpoint.id],
      ['Angebot schreiben', '2026-11-27', null, t.ctx.userId, 'open', touchpoint.id],
    ])
    const next = (await must<Appointment[]>('appointments.list', { companyId: c.company.id, status: 'planned' }))
    expect(next.map((x) => [x.title, x.startsAt, x.location, x.participants.map((p) => p.name)])).toEqual([['Angebot besprechen', '2026-12-03T14:00', 'Hauptstraße 1, 38100 Braunschweig', ['Anna Berger']]])
    // Every row went to the outbox (the appointment's update, touchpoint, two tasks, the next appointment and its participant).
    const ops = await t.ctx.db.selectFrom('sync_outbox').select(['table_name', 'kind']).where('row_id', 'in', [a.id, touchpoint.id, ...tasks.map((x) => x.id), next[0]!.id]).execute()
    expect(ops.filter((o) => o.table_name === 'appointments' && o.kind === 'update')).toHaveLength(1)
    expect(ops.filter((o) => o.table_name === 'tasks')).toHaveLength(2)
    // Reported once: a second report is refused.
    const again = await dispatch(t.app, 'appointments.report', { id: a.id, summary: 'Nochmal', tasks: [], next: null })
    expect(again.ok ? null : again.error.message).toBe('errors.appointmentReported')
  })

  it('writes nothing when a part is refused: a task of the past, of a disabled owner or one of another team, a next appointment ten years ahead', async () => {
    const c = await customer()
    const a = await must<Appointment>('appointments.create', fields(c.company.id))
    const other = await must<{ id: string }>('companies.create', validCompany({ name: 'Hansa Prüftechnik GmbH', customerNumber: 'K-2' }))
    const otherOffer = await must<{ id: string }>('offers.create', {
      companyId: other.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
      items: [{ productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }],
    })
    const user = (id: string, name: string, team_id: string, deleted_at: string | null) => ({ id, display_name: name, email: '', role: 'field_sales', team_id, server_version: 1, deleted_at })
    await t.ctx.db.insertInto('users').values([
      user('01a202e6-59f1-700b-b645-000000000099', 'Max Alt', '', '2026-11-01T00:00:00.000Z'),
      // A colleague of another team never receives this customer by sync.
      user('01a202e6-59f1-700b-b645-000000000098', 'Sven Süd', 'team-sued', null),
    ]).execute()
    const before = await counts()
    const bad: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ tasks: [task(c.company.id), task(c.company.id, { dueDate: '2026-11-19' })] }, { 'tasks.1.dueDate': 'errors.taskDuePast' }],
      [{ tasks: [task(c.company.id, { ownerId: '01a202e6-59f1-700b-b645-000000000099' })] }, { 'tasks.0.ownerId': 'errors.taskOwnerDisabled' }],
      [{ tasks: [task(c.company.id), task(c.company.id, { ownerId: '01a202e6-59f1-700b-b645-000000000098' })] }, { 'tasks.1.ownerId': 'errors.taskOwnerOtherTeam' }],
      [{ tasks: [task(c.company.id, { relatedType: 'offer', relatedId: otherOffer.id })] }, { 'tasks.0.relatedId': 'errors.taskRelatedNotOfCompany' }],
      [{ tasks: [task(other.id)] }, { 'tasks.0.companyId': 'errors.appointmentTaskCompany' }],
      [{ next: fields(c.company.id, { startsAt: '2026-12-01T10:00', endsAt: '2026-12-01T11:00', userIds: ['01a202e6-59f1-700b-b645-000000000098'] }) }, { 'next.userIds': 'errors.appointmentColleagueOtherTeam' }],
      [{ tasks: [task(c.company.id)], next: fields(c.company.id, { startsAt: '2036-11-19T10:00', endsAt: '2036-11-19T11:00' }) }, { 'next.startsAt': 'errors.appointmentTooFar' }],
      [{ next: fields(c.company.id, { endsAt: '2026-12-01T09:00', startsAt: '2026-12-01T10:00' }) }, { 'next.endsAt': 'errors.appointmentEndBeforeStart' }],
      [{ summary: '  ' }, { summary: 'errors.required' }],
    ]
    for (const [extra, fieldErrors] of bad) {
      const answer = await dispatch(t.app, 'appointments.report', { id: a.id, summary: 'Bericht', tasks: [], next: null, ...extra })
      expect(answer.ok ? null : answer.error.fields, JSON.stringify(extra)).toEqual(fieldErrors)
    }
    expect(await counts()).toEqual(before)
    expect((await must<Appointment>('appointments.get', { id: a.id })).status).toBe('planned')
  })
})

function parse(file: ExportFile) {
  const root = new ICAL.Component(ICAL.parse(Buffer.from(file.base64, 'base64').toString('utf8')))
  const event = root.getFirstSubcomponent('vevent')!
  return {
    method: root.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: String(event.getFirstPropertyValue('dtstart')),
    end: String(event.getFirstPropertyValue('dtend')),
    location: event.getFirstPropertyValue('location'),
    summary: event.getFirstPropertyValue('summary'),
    organizer: String(event.getFirstPropertyValue('organizer')).replace(/^mailto:/i, 'mailto:'),
    attendees: event.getAllProperties('attendee').map((p) => [String(p.getFirstValue()), p.getParameter('cn'), p.getParameter('rsvp')]),
  }
}

describe('the invitation', () => {
  it('is an iCalendar request with a stable UID, the sequence and the contacts with an address; UTC in summer and winter', async () => {
    const c = await customer()
    await t.ctx.db.updateTable('users').set({ display_name: 'Jan Petersen', email: 'j.petersen@nordlicht.example' }).where('id', '=', t.ctx.userId).execute()
    const a = await must<Appointment>('appointments.create', fields(c.company.id, { startsAt: '2027-07-01T10:00', endsAt: '2027-07-01T11:30', contactIds: [c.anna.id, c.bernd.id] }))
    const summer = await must<ExportFile>('appointments.invitation', { id: a.id })
    expect(summer).toMatchObject({ fileName: 'Termin-Besuch-Pruefstand-2027-07-01.ics', mimeType: 'text/calendar; charset=utf-8; method=REQUEST' })
    expect(parse(summer)).toEqual({
      method: 'REQUEST', uid: `${a.id}@kundenreise`, sequence: 0, status: 'CONFIRMED', start: '2027-07-01T08:00:00Z', end: '2027-07-01T09:30:00Z',
      location: 'Hauptstraße 1, 38100 Braunschweig', summary: 'Besuch Prüfstand', organizer: 'mailto:j.petersen@nordlicht.example',
      // Bernd has no e-mail address: he cannot be invited by mail.
      attendees: [['mailto:a.berger@brunsviga.example', 'Anna Berger', 'TRUE']],
    })
    await must('appointments.update', { id: a.id, fields: fields(c.company.id, { startsAt: '2027-01-14T10:00', endsAt: '2027-01-14T11:30', contactIds: [c.anna.id] }) })
    const winter = parse(await must<ExportFile>('appointments.invitation', { id: a.id }))
    expect(winter).toMatchObject({ uid: `${a.id}@kundenreise`, sequence: 1, start: '2027-01-14T09:00:00Z', end: '2027-01-14T10:30:00Z' })
    await must('appointments.cancel', { id: a.id })
    const cancelled = await must<ExportFile>('appointments.invitation', { id: a.id })
    expect(cancelled.mimeType).toBe('text/calendar; charset=utf-8; method=CANCEL')
    expect(parse(cancelled)).toMatchObject({ method: 'CANCEL', uid: `${a.id}@kundenreise`, sequence: 2, status: 'CANCELLED' })
  })
})

describe('the reminders', () => {
  it('name an appointment from the lead time before its start and the tasks due today whose time has come', async () => {
    const c = await customer()
    const a = await must<Appointment>('appointments.create', fields(c.company.id, { title: 'Telefonat', kind: 'call', startsAt: '2026-11-20T10:30', endsAt: '2026-11-20T11:00' }))
    const now = '2026-11-20T09:00:00.000Z'
    const row = { company_id: c.company.id, due_date: '2026-11-20', due_time: null, owner_id: t.ctx.userId, status: 'open' as const, created_at: now, updated_at: now }
    await t.ctx.db.insertInto('tasks').values([
      { ...row, id: '01a202e6-59f1-700b-b645-000000000001', title: 'Ohne Uhrzeit' },
      { ...row, id: '01a202e6-59f1-700b-b645-000000000002', title: 'Um neun', due_time: '09:00' },
      { ...row, id: '01a202e6-59f1-700b-b645-000000000003', title: 'Um elf', due_time: '11:00' },
      { ...row, id: '01a202e6-59f1-700b-b645-000000000004', title: 'Morgen', due_date: '2026-11-21' },
    ]).execute()
    const due = async (at: string) => { t.setNow(at); return (await must<Reminder[]>('reminders.due', {})).map((r) => r.key) }
    // 10:00 Berlin: the call at 10:30 is 30 minutes away, later than the 15 minutes' lead.
    expect(await due('2026-11-20T09:00:00.000Z')).toEqual(['task:01a202e6-59f1-700b-b645-000000000001:2026-11-20', 'task:01a202e6-59f1-700b-b645-000000000002:2026-11-20T09:00'])
    expect(await due('2026-11-20T09:15:00.000Z')).toContain(`appointment:${a.id}:2026-11-20T10:30`)
    expect((await must<Reminder[]>('reminders.due', {}))[0]).toMatchObject({ kind: 'appointment', title: 'Telefonat', companyName: 'Brunsviga Maschinenbau GmbH', at: '2026-11-20T10:30', href: `/appointments/${a.id}` })
    expect(await due('2026-11-20T10:00:00.000Z')).toContain('task:01a202e6-59f1-700b-b645-000000000003:2026-11-20T11:00')
    expect((await due('2026-11-20T10:00:00.000Z')).some((k) => k.startsWith('appointment:'))).toBe(false)
    // The lead time is a device setting: an hour before.
    await must('settings.update', { reminderLeadMinutes: 60 })
    expect((await must<{ reminderLeadMinutes: number }>('settings.get', {})).reminderLeadMinutes).toBe(60)
    expect(await due('2026-11-20T08:45:00.000Z')).toContain(`appointment:${a.id}:2026-11-20T10:30`)
    expect((await dispatch(t.app, 'settings.update', { reminderLeadMinutes: 1000 })).ok).toBe(false)
    // A change of one setting keeps the others (the language switch once emptied who is working here).
    await must('settings.update', { language: 'en' })
    expect(await must('settings.get', {})).toMatchObject({ language: 'en', currentUserId: t.ctx.userId, reminderLeadMinutes: 60 })
    // Moved, it is a new key (shown again); cancelled, it is gone.
    await must('appointments.update', { id: a.id, fields: fields(c.company.id, { title: 'Telefonat', kind: 'call', startsAt: '2026-11-20T10:40', endsAt: '2026-11-20T11:00' }) })
    expect(await due('2026-11-20T09:00:00.000Z')).toContain(`appointment:${a.id}:2026-11-20T10:40`)
    await must('appointments.cancel', { id: a.id })
    expect((await due('2026-11-20T09:00:00.000Z')).some((k) => k.startsWith('appointment:'))).toBe(false)
  })
})
