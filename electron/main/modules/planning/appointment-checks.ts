// The checks every write of an appointment makes before anything is written, each answered at its field: the
// company live; the start not more than two years ahead; every participant contact of that company; every
// colleague and the owner a user this device knows who is not disabled; the related record of that company.
// Also the place a visit takes when none is typed: the customer's address.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { APPOINTMENT_MAX_YEARS_AHEAD, type AppointmentFields, type PlanningRelatedType } from '../../../../shared/modules/planning'
import { fieldError } from '../../../../shared/platform/result'

type Db = Kysely<Database>

/** The last day an appointment may start on, seen from `today` (string order is day order). */
export const lastPlanningDay = (today: string): string => `${Number(today.slice(0, 4)) + APPOINTMENT_MAX_YEARS_AHEAD}${today.slice(4)}`

const RELATED_TABLE = { offer: 'offers', contract: 'contracts', case: 'cases' } as const satisfies Record<PlanningRelatedType, keyof Database>

/** Users that exist here and are not disabled (a disabled account arrives as a tombstone). */
async function liveUsers(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('users').select('id').where('id', 'in', [...ids]).where('deleted_at', 'is', null).execute()
  return new Set(rows.map((r) => r.id))
}

/** Throws the first field error of an appointment's fields; `prefix` names where they sit in the input ('next.'). */
export async function checkAppointment(db: Db, today: string, f: AppointmentFields, prefix = ''): Promise<void> {
  const at = (field: string) => `${prefix}${field}`
  const company = await db.selectFrom('companies').select('id').where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw fieldError(at('companyId'), 'errors.companyNotFound')
  if (f.endsAt <= f.startsAt) throw fieldError(at('endsAt'), 'errors.appointmentEndBeforeStart')
  if (f.startsAt.slice(0, 10) > lastPlanningDay(today)) throw fieldError(at('startsAt'), 'errors.appointmentTooFar')
  if (f.ownerId && !(await liveUsers(db, [f.ownerId])).has(f.ownerId)) throw fieldError(at('ownerId'), 'errors.appointmentOwnerUnknown')
  const contactIds = [...new Set(f.contactIds)]
  if (contactIds.length > 0) {
    const rows = await db.selectFrom('contacts').select('id').where('id', 'in', contactIds).where('company_id', '=', f.companyId).where('deleted_at', 'is', null).execute()
    if (rows.length !== contactIds.length) throw fieldError(at('contactIds'), 'errors.appointmentContactNotOfCompany')
  }
  const userIds = [...new Set(f.userIds)]
  const users = await liveUsers(db, userIds)
  if (users.size !== userIds.length) throw fieldError(at('userIds'), 'errors.appointmentColleagueUnknown')
  if (f.relatedType && f.relatedId) {
    const related = await db.selectFrom(RELATED_TABLE[f.relatedType]).select('company_id').where('id', '=', f.relatedId).where('deleted_at', 'is', null).executeTakeFirst()
    if (related?.company_id !== f.companyId) throw fieldError(at('relatedId'), 'errors.appointmentRelatedNotOfCompany')
  }
}

/** The customer's address as a place: "Straße, PLZ Ort" (what it has of it; '' for none). */
export async function companyAddress(db: Db, companyId: string): Promise<string> {
  const c = await db.selectFrom('companies').select(['street', 'postal_code', 'city']).where('id', '=', companyId).executeTakeFirst()
  if (!c) return ''
  return [c.street.trim(), [c.postal_code.trim(), c.city.trim()].filter(Boolean).join(' ')].filter(Boolean).join(', ')
}

/** Where an appointment takes place: as typed; a visit without a place is at the customer's. */
export async function placeOf(db: Db, f: Pick<AppointmentFields, 'companyId' | 'kind' | 'location'>): Promise<string> {
  if (f.location.trim() || f.kind !== 'visit') return f.location.trim()
  return companyAddress(db, f.companyId)
}
