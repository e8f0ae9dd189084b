// Erasing a person (DSGVO Art. 17) who is named by tasks and appointments (issue 16): their seat at an
// appointment goes with them (a participant row exists only because of them), the appointment itself stays
// with its colleague participants; a task about them stays on the work list's history without their id or
// name — on this laptop, in its unpushed outbox, and on the sync server.
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../db/platform/ids'
import { insertSynced } from '../../db/platform/synced-writes'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { eraseContact } from '../../electron/main/modules/dsgvo'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { ERASED_TEXT } from '../../shared/modules/dsgvo'
import { eventColumns } from '../../shared/platform/event-message'
import { scanLaptopTables } from '../helpers/erasure-scan'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-19T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

async function plannedAround() {
  const now = '2026-11-19T09:00:00.000Z'
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '' })))
  const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'mr', firstName: 'Xaver', lastName: 'Quirinsky', language: 'de' }))
  const other = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de' }))
  const ids = { task: newId(), otherTask: newId(), appointment: newId(), seat: newId(), otherSeat: newId(), colleagueSeat: newId(), done: newId(), offerSent: newId() }
  await t.ctx.db.transaction().execute(async (trx) => {
    await insertSynced(trx, 'tasks', {
      id: ids.task, company_id: company.id, contact_id: contact.id, title: 'Herrn Quirinsky zurückrufen', notes: 'Quirinsky will Rabatt', due_date: '2026-11-24', owner_id: t.ctx.userId,
    }, now)
    await insertSynced(trx, 'tasks', { id: ids.otherTask, company_id: company.id, contact_id: other.id, title: 'Frau Berger zurückrufen', due_date: '2026-11-25', owner_id: t.ctx.userId }, now)
    await insertSynced(trx, 'appointments', {
      id: ids.appointment, company_id: company.id, title: 'Besuch Prüfstand', starts_at: '2026-11-26T10:00', ends_at: '2026-11-26T11:00', owner_id: t.ctx.userId,
    }, now)
    await insertSynced(trx, 'appointment_participants', { id: ids.seat, appointment_id: ids.appointment, company_id: company.id, contact_id: contact.id }, now)
    await insertSynced(trx, 'appointment_participants', { id: ids.otherSeat, appointment_id: ids.appointment, company_id: company.id, contact_id: other.id }, now)
    await insertSynced(trx, 'appointment_participants', { id: ids.colleagueSeat, appointment_id: ids.appointment, company_id: company.id, user_id: t.ctx.userId }, now)
    // A task about the person done earlier: its title travels in the event's parameters of the touchpoint.
    await insertSynced(trx, 'touchpoints', {
      id: ids.done, company_id: company.id, contact_id: contact.id, occurred_at: now, channel: 'phone', direction: 'outbound', mode: 'direct', station: 'offer',
      summary: 'Quirinsky erreicht', ...eventColumns('task.done', { title: 'Herrn Quirinsky wegen Muster anrufen' }), related_type: 'task', related_id: ids.otherTask,
    }, now)
    await insertSynced(trx, 'touchpoints', {
      id: ids.offerSent, company_id: company.id, contact_id: contact.id, occurred_at: now, channel: 'email', direction: 'outbound', mode: 'direct', station: 'offer',
      summary: '', ...eventColumns('offer.sent', { number: 'A-2026-7KQ3M-0001' }),
    }, now)
  })
  return { company, contact, other, ids }
}

describe('erasing a person named by tasks and appointments', () => {
  it('takes their seat at the appointment and their name off the task; the rest stays, nothing of them is left', async () => {
    const { contact, other, ids } = await plannedAround()
    await eraseContact(t.ctx, { id: contact.id })

    const seats = await t.ctx.db.selectFrom('appointment_participants').select(['id', 'contact_id', 'user_id']).orderBy('id').execute()
    expect(seats.map((s) => s.id).sort()).toEqual([ids.otherSeat, ids.colleagueSeat].sort())
    expect(await t.ctx.db.selectFrom('appointments').select('title').where('id', '=', ids.appointment).executeTakeFirst()).toEqual({ title: 'Besuch Prüfstand' })

    const task = await t.ctx.db.selectFrom('tasks').selectAll().where('id', '=', ids.task).executeTakeFirstOrThrow()
    expect(task).toMatchObject({ contact_id: null, title: ERASED_TEXT, notes: ERASED_TEXT, status: 'open', due_date: '2026-11-24' })
    expect(await t.ctx.db.selectFrom('tasks').select(['contact_id', 'title']).where('id', '=', ids.otherTask).executeTakeFirst()).toEqual({ contact_id: other.id, title: 'Frau Berger zurückrufen' })

    const events = await t.ctx.db.selectFrom('touchpoints').select(['id', 'message_params', 'summary']).where('id', 'in', [ids.done, ids.offerSent]).orderBy('id').execute()
    expect(events.find((e) => e.id === ids.done)).toMatchObject({ summary: ERASED_TEXT, message_params: JSON.stringify({ title: ERASED_TEXT }) })
    // An event's record numbers are not about the person: they stay.
    expect(JSON.parse(events.find((e) => e.id === ids.offerSent)!.message_params!)).toEqual({ number: 'A-2026-7KQ3M-0001' })
    expect(await scanLaptopTables(t.ctx.db, ['Quirinsky', 'Xaver'])).toEqual([])
  })

  it('rewrites the unpushed operations about the task and the seat, keeping their positions', async () => {
    const { contact } = await plannedAround()
    const before = (await sql<{ client_seq: number }>`select client_seq from sync_outbox order by client_seq`.execute(t.ctx.db)).rows.map((r) => r.client_seq)
    await eraseContact(t.ctx, { id: contact.id })
    const ops = (await sql<{ client_seq: number; table_name: string; fields: string }>`select client_seq, table_name, fields from sync_outbox order by client_seq`.execute(t.ctx.db)).rows
    expect(ops.map((o) => o.client_seq).slice(0, before.length)).toEqual(before)
    expect(ops.filter((o) => o.table_name === 'tasks' || o.table_name === 'appointment_participants').map((o) => o.fields).join(' ')).not.toMatch(/Quirinsky|Xaver/)
  })
})
