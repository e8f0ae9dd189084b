// The synced writes of an appointment that more than one use case makes: a new appointment with its participants
// (created on its own, or as the next one from a visit report), and the participant rows made to match a list.
import type { Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { newId } from '../../../../db/platform/ids'
import { deleteSynced, insertSynced } from '../../../../db/platform/synced-writes'
import type { AppointmentFields } from '../../../../shared/modules/planning'
import type { ServiceContext } from '../../platform/context'
import { placeOf } from './appointment-checks'

/** The participant rows of an appointment: contacts and colleagues as asked, each once. */
export async function writeParticipants(trx: Transaction<Database>, appointmentId: string, companyId: string, f: AppointmentFields, now: string): Promise<void> {
  const existing = await trx.selectFrom('appointment_participants').select(['id', 'contact_id', 'user_id'])
    .where('appointment_id', '=', appointmentId).where('deleted_at', 'is', null).execute()
  const wanted = new Set([...f.contactIds.map((id) => `c:${id}`), ...f.userIds.map((id) => `u:${id}`)])
  const have = new Set<string>()
  for (const p of existing) {
    const key = p.contact_id ? `c:${p.contact_id}` : `u:${p.user_id ?? ''}`
    if (wanted.has(key) && !have.has(key)) have.add(key)
    else await deleteSynced(trx, 'appointment_participants', p.id, now)
  }
  for (const key of wanted) {
    if (have.has(key)) continue
    const id = key.slice(2)
    await insertSynced(trx, 'appointment_participants', {
      id: newId(), appointment_id: appointmentId, company_id: companyId, contact_id: key.startsWith('c:') ? id : null, user_id: key.startsWith('u:') ? id : null,
    }, now)
  }
}

/** Writes a new appointment in the caller's transaction (the visit report's next appointment uses it too). */
export async function insertAppointment(trx: Transaction<Database>, ctx: ServiceContext, f: AppointmentFields, now: string): Promise<string> {
  const id = newId()
  await insertSynced(trx, 'appointments', {
    id, company_id: f.companyId, kind: f.kind, title: f.title, starts_at: f.startsAt, ends_at: f.endsAt, location: await placeOf(trx, f), notes: f.notes,
    owner_id: f.ownerId || ctx.userId, related_type: f.relatedType || null, related_id: f.relatedType ? f.relatedId : null, created_by: ctx.userId,
  }, now)
  await writeParticipants(trx, id, f.companyId, f, now)
  return id
}

