// Reading appointments: one query with the names a list shows (company, owner), their participants (contacts of
// the customer and colleagues) in one query for many appointments, and the row mapped to the domain object.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { Appointment, AppointmentParticipant } from '../../../../shared/modules/planning'
import { AppError } from '../../../../shared/platform/result'

type Db = Kysely<Database>

/** Appointments with their names; only those of live companies (a deleted or merged-away company's are gone with it). */
export const appointmentQuery = (db: Db) => db.selectFrom('appointments as a')
  .innerJoin('companies as c', 'c.id', 'a.company_id')
  .leftJoin('users as u', 'u.id', 'a.owner_id')
  .selectAll('a')
  .select(['c.name as company_name', 'u.display_name as owner_name'])
  .where('a.deleted_at', 'is', null).where('c.deleted_at', 'is', null)

export type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['executeTakeFirstOrThrow']>>

const nameOf = (first: string | null, last: string | null): string => `${first ?? ''} ${last ?? ''}`.trim()

/** The live participants of the appointments, by appointment id: contacts first (by name), then colleagues. */
export async function participantsOf(db: Db, ids: readonly string[]): Promise<Map<string, AppointmentParticipant[]>> {
  const byAppointment = new Map<string, AppointmentParticipant[]>(ids.map((id) => [id, []]))
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('appointment_participants as p')
      .leftJoin('contacts as k', (join) => join.onRef('k.id', '=', 'p.contact_id').on('k.deleted_at', 'is', null))
      .leftJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.id', 'p.appointment_id', 'p.contact_id', 'p.user_id', 'k.first_name', 'k.last_name', 'k.job_function', 'k.buying_role', 'k.email as contact_email',
        'u.display_name', 'u.role as user_role', 'u.email as user_email'])
      .where('p.appointment_id', 'in', ids.slice(i, i + 500)).where('p.deleted_at', 'is', null)
      .orderBy('k.sort_name').orderBy('u.display_name').execute()
    for (const r of rows) {
      // A contact erased or deleted since leaves no participant behind.
      if (r.contact_id && r.last_name === null) continue
      byAppointment.get(r.appointment_id)?.push(r.contact_id
        ? { id: r.id, kind: 'contact', contactId: r.contact_id, userId: '', name: nameOf(r.first_name, r.last_name), role: r.job_function ?? '', buyingRole: r.buying_role ?? '', email: r.contact_email ?? '' }
        : { id: r.id, kind: 'user', contactId: '', userId: r.user_id ?? '', name: r.display_name ?? '', role: r.user_role ?? '', buyingRole: '', email: r.user_email ?? '' })
    }
  }
  for (const list of byAppointment.values()) list.sort((a, b) => Number(a.kind === 'user') - Number(b.kind === 'user'))
  return byAppointment
}

export const toAppointment = (r: AppointmentRow, participants: AppointmentParticipant[]): Appointment => ({
  id: r.id, companyId: r.company_id, companyName: r.company_name, kind: r.kind, title: r.title, startsAt: r.starts_at, endsAt: r.ends_at,
  location: r.location, notes: r.notes, ownerId: r.owner_id, ownerName: r.owner_name ?? '', status: r.status, relatedType: r.related_type ?? '',
  relatedId: r.related_id ?? '', participants, reportTouchpointId: r.report_touchpoint_id ?? '', sequence: r.sequence, createdAt: r.created_at,
})

/** Rows with their participants, in the order given. */
export async function toAppointments(db: Db, rows: AppointmentRow[]): Promise<Appointment[]> {
  const participants = await participantsOf(db, rows.map((r) => r.id))
  return rows.map((r) => toAppointment(r, participants.get(r.id) ?? []))
}

/** An appointment that exists, of a company that exists; anything else is not found. */
export async function loadAppointment(db: Db, id: string): Promise<AppointmentRow> {
  const row = await appointmentQuery(db).where('a.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return row
}

/** An appointment that may still change: planned (done and cancelled ones are history). */
export async function loadPlannedAppointment(db: Db, id: string): Promise<AppointmentRow> {
  const row = await loadAppointment(db, id)
  if (row.status !== 'planned') throw new AppError('conflict', row.status === 'done' ? 'errors.appointmentReported' : 'errors.appointmentCancelled')
  return row
}
