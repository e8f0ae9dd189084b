// Appointments through their channels: made with participants from the buying center and colleagues, a visit at
// the customer's address by default; a change of time, place or status raises the iCalendar sequence; cancelled,
// never deleted; the week view (mine, Monday to Sunday, with my tasks); the visit report (touchpoint, tasks, next
// appointment, one transaction: appointments.report.test.ts); and each bad input a field error with nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { Appointment, WeekView } from '../../shared/modules/planning'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-20T09:00:00.000Z') // a Friday, 10:00 in Berlin
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const refused = async (channel: Parameters<typeof dispatch>[1], input: unknown) => {
  const answer = await dispatch(t.app, channel, input)
  if (answer.ok) throw new Error(`${channel} was accepted`)
  return answer.error
}
const TABLES = ['appointments', 'appointment_participants', 'touchpoints', 'tasks', 'sync_outbox'] as const
const count = async (table: (typeof TABLES)[number]) => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await count(table)])))

async function colleague(name: string, email: string, disabled = false, team = { team_id: '', role: 'field_sales' }) {
  const id = `01a202e6-59f1-700b-b645-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`
  // A colleague comes from the sync server; a disabled account arrives as a tombstone.
  await t.ctx.db.insertInto('users').values({ id, display_name: name, email, ...team, server_version: 1, deleted_at: disabled ? '2026-11-01T00:00:00.000Z' : null }).execute()
  return id
}

async function customer(name = 'Brunsviga Maschinenbau GmbH', number = 'K-1') {
  const company = await must<{ id: string }>('companies.create', validCompany({ name, customerNumber: number }))
  const anna = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de', email: 'A.Berger@brunsviga.example', buyingRole: 'decision_maker' })
  const bernd = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Bernd', lastName: 'Kühn', language: 'de', jobFunction: 'Werkstattleiter' })
  return { company, anna, bernd }
}

const fields = (companyId: string, extra: Record<string, unknown> = {}) => ({
  companyId, kind: 'visit', title: 'Besuch Prüfstand', startsAt: '2026-11-25T10:00', endsAt: '2026-11-25T11:30', location: '', notes: '', contactIds: [], userIds: [], ...extra,
})

describe('planning an appointment', () => {
  it('is made with participants, at the customer for a visit, and the current user owns it', async () => {
    const c = await customer()
    const eva = await colleague('Eva Schulz', 'e.schulz@nordlicht.example')
    const a = await must<Appointment>('appointments.create', fields(c.company.id, { contactIds: [c.anna.id, c.bernd.id], userIds: [eva] }))
    expect(a).toMatchObject({ companyName: 'Brunsviga Maschinenbau GmbH', kind: 'visit', location: 'Hauptstraße 1, 38100 Braunschweig', ownerId: t.ctx.userId, status: 'planned', sequence: 0 })
    expect(a.participants.map((p) => [p.kind, p.name, p.buyingRole || p.role])).toEqual([
      ['contact', 'Anna Berger', 'decision_maker'], ['contact', 'Bernd Kühn', 'Werkstattleiter'], ['user', 'Eva Schulz', 'field_sales'],
    ])
    expect(await count('appointment_participants')).toBe(3)
    // A call has no place by default; a place typed stays as typed.
    expect((await must<Appointment>('appointments.create', fields(c.company.id, { kind: 'call' }))).location).toBe('')
    expect((await must<Appointment>('appointments.create', fields(c.company.id, { location: 'Messe Hannover, Halle 3' }))).location).toBe('Messe Hannover, Halle 3')
    expect((await must<Appointment[]>('appointments.list', { companyId: c.company.id })).length).toBe(3)
    expect((await must<Appointment[]>('appointments.list', { ownerId: eva })).map((x) => x.id)).toEqual([a.id])
  })

  it('raises the sequence when time, place or status change, not for a new title; participants follow the list', async () => {
    const c = await customer()
    const a = await must<Appointment>('appointments.create', fields(c.company.id, { contactIds: [c.anna.id] }))
    const renamed = await must<Appointment>('appointments.update', { id: a.id, fields: fields(c.company.id, { title: 'Besuch Halle 3', contactIds: [c.anna.id] }) })
    expect(renamed).toMatchObject({ title: 'Besuch Halle 3', sequence: 0 })
    const moved = await must<Appointment>('appointments.update', { id: a.id, fields: fields(c.company.id, { startsAt: '2026-11-26T09:00', endsAt: '2026-11-26T10:00', contactIds: [c.bernd.id] }) })
    expect(moved).toMatchObject({ startsAt: '2026-11-26T09:00', sequence: 1 })
    expect(moved.participants.map((p) => p.name)).toEqual(['Bernd Kühn'])
    const placed = await must<Appointment>('appointments.update', { id: a.id, fields: fields(c.company.id, { startsAt: '2026-11-26T09:00', endsAt: '2026-11-26T10:00', location: 'Werk 2' }) })
    expect(placed.sequence).toBe(2)
    const cancelled = await must<Appointment>('appointments.cancel', { id: a.id })
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 3 })
    expect(await count('appointments')).toBe(1)
    expect((await refused('appointments.cancel', { id: a.id })).message).toBe('errors.appointmentCancelled')
    expect((await refused('appointments.update', { id: a.id, fields: fields(c.company.id) })).message).toBe('errors.appointmentCancelled')
  })

  it('refuses each bad input at its field and writes nothing', async () => {
    const c = await customer()
    const other = await customer('Hansa Prüftechnik GmbH', 'K-2')
    const gone = await colleague('Max Alt', 'm.alt@nordlicht.example', true)
    const a = await must<Appointment>('appointments.create', fields(c.company.id))
    const before = await counts()
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ endsAt: '2026-11-25T09:00' }, 'endsAt', 'errors.appointmentEndBeforeStart'],
      [{ startsAt: '2036-11-25T10:00', endsAt: '2036-11-25T11:00' }, 'startsAt', 'errors.appointmentTooFar'],
      [{ startsAt: '2028-11-21T10:00', endsAt: '2028-11-21T11:00' }, 'startsAt', 'errors.appointmentTooFar'],
      [{ userIds: [gone] }, 'userIds', 'errors.appointmentColleagueUnknown'],
      [{ userIds: ['01a202e6-59f1-700b-b645-d59090355a50'] }, 'userIds', 'errors.appointmentColleagueUnknown'],
      [{ ownerId: gone }, 'ownerId', 'errors.appointmentOwnerUnknown'],
      [{ contactIds: [c.anna.id, other.anna.id] }, 'contactIds', 'errors.appointmentContactNotOfCompany'],
      [{ startsAt: '25.11.2026 10:00' }, 'startsAt', 'errors.dateTime'],
    ]
    for (const [extra, field, key] of cases) {
      const error = await refused('appointments.create', fields(c.company.id, extra)).catch((e: unknown) => { throw new Error(`${JSON.stringify(extra)}: ${String(e)}`) })
      expect(error.fields, JSON.stringify(extra)).toEqual({ [field]: key })
      // A change names the field where it sits in its input (`fields.…`), whether the schema or the service refuses it.
      expect((await refused('appointments.update', { id: a.id, fields: fields(c.company.id, extra) })).fields).toEqual({ [`fields.${field}`]: key })
    }
    expect((await refused('appointments.update', { id: a.id, fields: fields(other.company.id) })).fields).toEqual({ 'fields.companyId': 'errors.appointmentCompanyFixed' })
    expect(await counts()).toEqual(before)
    // Two years ahead to the day is still fine.
    await must('appointments.create', fields(c.company.id, { startsAt: '2028-11-20T10:00', endsAt: '2028-11-20T11:00' }))
  })
})

describe('colleagues of another team', () => {
  it('are refused as owner and as participant (they would never receive the appointment by sync); managers see every team', async () => {
    const c = await customer()
    const sven = await colleague('Sven Süd', 's.sued@nordlicht.example', false, { team_id: 'team-sued', role: 'field_sales' })
    const max = await colleague('Max Leitner', 'm.leitner@nordlicht.example', false, { team_id: 'team-sued', role: 'manager' })
    const eva = await colleague('Eva Schulz', 'e.schulz@nordlicht.example')
    const a = await must<Appointment>('appointments.create', fields(c.company.id, { userIds: [eva] }))
    const before = await counts()
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ownerId: sven }, 'ownerId', 'errors.appointmentOwnerOtherTeam'],
      [{ userIds: [sven] }, 'userIds', 'errors.appointmentColleagueOtherTeam'],
      [{ userIds: [eva, sven] }, 'userIds', 'errors.appointmentColleagueOtherTeam'],
    ]
    for (const [extra, field, key] of cases) {
      expect((await refused('appointments.create', fields(c.company.id, extra))).fields, JSON.stringify(extra)).toEqual({ [field]: key })
      expect((await refused('appointments.update', { id: a.id, fields: fields(c.company.id, extra) })).fields).toEqual({ [`fields.${field}`]: key })
    }
    expect(await counts()).toEqual(before)
    expect((await must<Appointment>('appointments.get', { id: a.id })).participants.map((p) => p.name)).toEqual(['Eva Schulz'])
    // A manager receives every team's customers: as owner and as participant.
    expect(await must<Appointment>('appointments.create', fields(c.company.id, { ownerId: max, userIds: [max, eva] }))).toMatchObject({ ownerName: 'Max Leitner' })
  })
})

describe('the week view', () => {
  it('shows my appointments (owned or joined) and my open tasks due that week, Monday to Sunday', async () => {
    const c = await customer()
    const eva = await colleague('Eva Schulz', 'e.schulz@nordlicht.example')
    await must('appointments.create', fields(c.company.id, { title: 'Mittwoch', startsAt: '2026-11-25T14:00', endsAt: '2026-11-25T15:00' }))
    await must('appointments.create', fields(c.company.id, { title: 'Montag früh', startsAt: '2026-11-23T08:00', endsAt: '2026-11-23T09:00' }))
    await must('appointments.create', fields(c.company.id, { title: 'Sonntag spät', startsAt: '2026-11-29T23:00', endsAt: '2026-11-29T23:30' }))
    await must('appointments.create', fields(c.company.id, { title: 'Nächste Woche', startsAt: '2026-11-30T00:00', endsAt: '2026-11-30T01:00' }))
    await must('appointments.create', fields(c.company.id, { title: 'Evas Termin', ownerId: eva }))
    await must('appointments.create', fields(c.company.id, { title: 'Eva lädt mich ein', ownerId: eva, userIds: [t.ctx.userId], startsAt: '2026-11-24T10:00', endsAt: '2026-11-24T11:00' }))
    const cancelled = await must<Appointment>('appointments.create', fields(c.company.id, { title: 'Abgesagt' }))
    await must('appointments.cancel', { id: cancelled.id })
    const now = '2026-11-20T09:00:00.000Z'
    const task = { company_id: c.company.id, due_date: '2026-11-25', due_time: null, owner_id: t.ctx.userId, status: 'open' as const, created_at: now, updated_at: now }
    await t.ctx.db.insertInto('tasks').values([
      { ...task, id: '01a202e6-59f1-700b-b645-000000000001', title: 'Angebot nachfassen', due_time: '09:00' },
      { ...task, id: '01a202e6-59f1-700b-b645-000000000002', title: 'Evas Aufgabe', owner_id: eva },
      { ...task, id: '01a202e6-59f1-700b-b645-000000000003', title: 'Erledigt', status: 'done' },
    ]).execute()
    // Any day of the week is taken to its Monday.
    const week = await must<WeekView>('appointments.week', { weekStart: '2026-11-26', ownerId: '' })
    expect(week.weekStart).toBe('2026-11-23')
    expect(week.days.map((d) => d.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    expect(week.days.map((d) => d.appointments.map((a) => a.title))).toEqual([['Montag früh'], ['Eva lädt mich ein'], ['Mittwoch'], [], [], [], ['Sonntag spät']])
    expect(week.days[2]!.tasks.map((x) => [x.title, x.dueTime, x.companyName])).toEqual([['Angebot nachfassen', '09:00', 'Brunsviga Maschinenbau GmbH']])
    // Without a day: this week on the app's clock, with what the clock says (so the screen knows what has ended).
    expect(await must<WeekView>('appointments.week', {})).toMatchObject({ weekStart: '2026-11-16', today: '2026-11-20', now: '2026-11-20T10:00' })
    const evas = await must<WeekView>('appointments.week', { weekStart: '2026-11-23', ownerId: eva })
    expect(evas.days[2]!.appointments.map((a) => a.title)).toEqual(['Evas Termin'])
    expect(evas.days[1]!.appointments.map((a) => a.title)).toEqual(['Eva lädt mich ein'])
  })
})
