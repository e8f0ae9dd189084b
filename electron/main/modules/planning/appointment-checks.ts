// The checks every write of an appointment makes before anything is written, each answered at its field: the
// company live; the start not more than two years ahead; every participant contact of that company; every
// colleague and the owner a user this device knows who is not disabled and who receives the customer by sync (of
// its team, or a manager/admin — the rule of a task's assignee, task-rows.ts); the related record of that company.
// Also the place a visit takes when none is typed: the customer's address.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { APPOINTMENT_MAX_YEARS_AHEAD, type AppointmentFields, type PlanningRelatedType } from '../../../../shared/modules/planning'
import { fieldError } from '../../../../shared/platform/result'

type Db = Kysely<Database>

/** The last day an appointment may start on, seen from `today` (string order is day order). */
export const lastPlanningDay = (today: string): string => `${Number(today.slice(0, 4)) + APPOINTMENT_MAX_YEARS_AHEAD}${today.slice(4)}`

const RELATED_TABLE = { offer: 'offers', contract: 'contracts', case: 'cases' } as const satisfies Record<PlanningRelatedType, keyof Database>

/** Managers and admins receive every team's customers (server/sync/scope.ts); the same rule as a task's assignee. */
const SEES_EVERY_TEAM: readonly string[] = ['manager', 'admin']

type UserVerdict = 'ok' | 'unknown' | 'otherTeam'

/**
 * Whether each user may take part in an appointment of the company: 'unknown' for one that does not exist here or
 * is disabled (a disabled account arrives as a tombstone), 'otherTeam' for one who never receives the customer by
 * sync — not of its team (a company this laptop made and has not synced yet goes to the current user's team) and
 * no manager. The current user sees what is on this laptop.
 */
async function userVerdicts(db: Db, companyId: string, ids: readonly string[], currentUserId: string): Promise<Map<string, UserVerdict>> {
  const verdicts = new Map<string, UserVerdict>(ids.map((id) => [id, 'unknown']))
  if (ids.length === 0) return verdicts
  const rows = await db.selectFrom('users').select(['id', 'role', 'team_id']).where('id', 'in', [...ids]).where('deleted_at', 'is', null).execute()
  const company = await db.selectFrom('companies').select('team_id').where('id', '=', companyId).executeTakeFirst()
  const me = await db.selectFrom('users').select('team_id').where('id', '=', currentUserId).executeTakeFirst()
  const team = company?.team_id || me?.team_id || ''
  for (const u of rows) verdicts.set(u.id, u.id === currentUserId || SEES_EVERY_TEAM.includes(u.role) || u.team_id === team ? 'ok' : 'otherTeam')
  return verdicts
}

/**
 * Throws the first field error of an appointment's fields; `prefix` names where they sit in the input ('next.').
 * `currentUserId` is who makes the change (an unsynced company goes to their team).
 */
export async function checkAppointment(db: Db, today: string, currentUserId: string, f: AppointmentFields, prefix = ''): Promise<void> {
  const at = (field: string) => `${prefix}${field}`
  const company = await db.selectFrom('companies').select('id').where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw fieldError(at('companyId'), 'errors.companyNotFound')
  if (f.endsAt <= f.startsAt) throw fieldError(at('endsAt'), 'errors.appointmentEndBeforeStart')
  if (f.startsAt.slice(0, 10) > lastPlanningDay(today)) throw fieldError(at('startsAt'), 'errors.appointmentTooFar')
  if (f.ownerId) {
    const owner = (await userVerdicts(db, f.companyId, [f.ownerId], currentUserId)).get(f.ownerId)
    if (owner === 'unknown') throw fieldError(at('ownerId'), 'errors.appointmentOwnerUnknown')
    if (owner === 'otherTeam') throw fieldError(at('ownerId'), 'errors.appointmentOwnerOtherTeam')
  }
  const contactIds = [...new Set(f.contactIds)]
  if (contactIds.length > 0) {
    const rows = await db.selectFrom('contacts').select('id').where('id', 'in', contactIds).where('company_id', '=', f.companyId).where('deleted_at', 'is', null).execute()
    if (rows.length !== contactIds.length) throw fieldError(at('contactIds'), 'errors.appointmentContactNotOfCompany')
  }
  const colleagues = [...(await userVerdicts(db, f.companyId, [...new Set(f.userIds)], currentUserId)).values()]
  if (colleagues.includes('unknown')) throw fieldError(at('userIds'), 'errors.appointmentColleagueUnknown')
  if (colleagues.includes('otherTeam')) throw fieldError(at('userIds'), 'errors.appointmentColleagueOtherTeam')
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
