// Appointments (Termine, issue 16): customer visits, calls and video meetings with their participants (contacts of
// the customer's buying center and colleagues). Times are German wall-clock times ("YYYY-MM-DDTHH:MM"). Each use
// case is one transaction of synced writes; the checks come first, so a refused input writes nothing. A change of
// time, place or status raises `sequence` (iCalendar SEQUENCE), so calendars that got the invitation or read the
// feed take the change instead of keeping the old one; a cancelled appointment stays, with status 'cancelled'
// (the feed says STATUS:CANCELLED).
import { updateSynced } from '../../../../db/platform/synced-writes'
import type { Appointment, AppointmentFields, AppointmentListQuery } from '../../../../shared/modules/planning'
import { fieldError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { checkAppointment, placeOf } from './appointment-checks'
import { insertAppointment, writeParticipants } from './appointment-writes'
import { appointmentQuery, loadAppointment, loadPlannedAppointment, participantsOf, toAppointment, toAppointments } from './appointment-rows'

export { reportAppointment } from './appointment-report.service'
export { weekView } from './week.service'
export { invitationFile, invitationFileName, invitationIcs } from './invitation'
export { dueReminders } from './reminders.service'
export { companyAddress } from './appointment-checks'

export async function getAppointment(ctx: ServiceContext, id: string): Promise<Appointment> {
  const row = await loadAppointment(ctx.db, id)
  return toAppointment(row, (await participantsOf(ctx.db, [id])).get(id) ?? [])
}

/**
 * By company, by a range of days (and owner), planned ones or all; by start. An owner's appointments include
 * those they take part in as a colleague.
 */
export async function listAppointments(ctx: ServiceContext, q: AppointmentListQuery): Promise<Appointment[]> {
  let query = appointmentQuery(ctx.db)
  if (q.companyId) query = query.where('a.company_id', '=', q.companyId)
  if (q.from) query = query.where('a.starts_at', '>=', `${q.from}T00:00`)
  if (q.to) query = query.where('a.starts_at', '<=', `${q.to}T23:59`)
  if (q.status === 'planned') query = query.where('a.status', '=', 'planned')
  if (q.ownerId) {
    const ownerId = q.ownerId
    query = query.where((eb) => eb.or([
      eb('a.owner_id', '=', ownerId),
      eb('a.id', 'in', eb.selectFrom('appointment_participants').select('appointment_id').where('user_id', '=', ownerId).where('deleted_at', 'is', null)),
    ]))
  }
  return toAppointments(ctx.db, await query.orderBy('a.starts_at').orderBy('a.id').limit(2000).execute())
}

/** A new appointment; without an owner it is the current user's, a visit without a place is at the customer's. */
export async function createAppointment(ctx: ServiceContext, f: AppointmentFields): Promise<Appointment> {
  const now = nowIso(ctx)
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkAppointment(trx, todayOf(ctx), ctx.userId, f)
    return insertAppointment(trx, ctx, f, now)
  })
  return getAppointment(ctx, id)
}

/**
 * Changes a planned appointment. Its company stays; an empty owner keeps the owner. A new time or place raises the
 * sequence; the participants become those given.
 */
export async function updateAppointment(ctx: ServiceContext, id: string, f: AppointmentFields): Promise<Appointment> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadPlannedAppointment(trx, id)
    // Field errors name the field where it sits in the input (`fields.startsAt`), as the schema's do.
    if (f.companyId !== row.company_id) throw fieldError('fields.companyId', 'errors.appointmentCompanyFixed')
    await checkAppointment(trx, todayOf(ctx), ctx.userId, f, 'fields.')
    const location = await placeOf(trx, f)
    const moved = f.startsAt !== row.starts_at || f.endsAt !== row.ends_at || location !== row.location
    await updateSynced(trx, 'appointments', id, {
      kind: f.kind, title: f.title, starts_at: f.startsAt, ends_at: f.endsAt, location, notes: f.notes, owner_id: f.ownerId || row.owner_id,
      related_type: f.relatedType || null, related_id: f.relatedType ? f.relatedId : null, ...(moved ? { sequence: row.sequence + 1 } : {}),
    }, now)
    await writeParticipants(trx, id, row.company_id, f, now)
  })
  return getAppointment(ctx, id)
}

/** Cancelled (never deleted): the invitation and the feed say STATUS:CANCELLED with a higher sequence. */
export async function cancelAppointment(ctx: ServiceContext, id: string): Promise<Appointment> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadPlannedAppointment(trx, id)
    await updateSynced(trx, 'appointments', id, { status: 'cancelled', sequence: row.sequence + 1 }, now)
  })
  return getAppointment(ctx, id)
}
