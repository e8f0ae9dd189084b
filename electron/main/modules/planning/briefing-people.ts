// The visit briefing's head: the customer, the appointment it prepares (given, or the customer's next planned
// one) and who will be there with their part in the buying center. Appointments are read from their tables
// here (the appointment service is another part of the module); every query goes through an index of one
// company or one appointment, never over all companies.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { BriefingAppointment, BriefingPerson } from '../../../../shared/modules/planning/briefing.schema'
import { AppError } from '../../../../shared/platform/result'

type Db = Kysely<Database>

export interface BriefingCompany {
  id: string
  name: string
  customerNumber: string
  address: string
  ownerName: string
}

/** The customer, live; a deleted or unknown company is not found. */
export async function briefingCompany(db: Db, companyId: string): Promise<BriefingCompany> {
  const c = await db.selectFrom('companies as c').leftJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id', 'c.name', 'c.customer_number', 'c.street', 'c.postal_code', 'c.city', 'u.display_name as owner_name'])
    .where('c.id', '=', companyId).where('c.deleted_at', 'is', null).executeTakeFirst()
  if (!c) throw new AppError('not_found', 'errors.notFound')
  const place = [c.postal_code, c.city].filter(Boolean).join(' ')
  return { id: c.id, name: c.name, customerNumber: c.customer_number, address: [c.street, place].filter(Boolean).join(', '), ownerName: c.owner_name ?? '' }
}

const appointmentColumns = ['a.id', 'a.company_id', 'a.kind', 'a.title', 'a.starts_at', 'a.ends_at', 'a.location', 'a.notes', 'a.owner_id', 'a.status', 'u.display_name as owner_name'] as const

/**
 * The appointment the briefing prepares: the one asked for (it must be the customer's, live), else the
 * customer's next planned one from the start of `today` on (German wall-clock times compare as text); null without one.
 */
export async function briefingAppointment(db: Db, company: BriefingCompany, appointmentId: string, today: string): Promise<BriefingAppointment | null> {
  const base = db.selectFrom('appointments as a').leftJoin('users as u', 'u.id', 'a.owner_id').select([...appointmentColumns])
    .where('a.company_id', '=', company.id).where('a.deleted_at', 'is', null)
  const row = appointmentId
    ? await base.where('a.id', '=', appointmentId).executeTakeFirst()
    : await base.where('a.status', '=', 'planned').where('a.starts_at', '>=', `${today}T00:00`).orderBy('a.starts_at').orderBy('a.id').limit(1).executeTakeFirst()
  if (!row) {
    if (appointmentId) throw new AppError('not_found', 'errors.notFound')
    return null
  }
  const colleagues = await db.selectFrom('appointment_participants as p').innerJoin('users as u', 'u.id', 'p.user_id')
    .select('u.display_name').where('p.appointment_id', '=', row.id).where('p.deleted_at', 'is', null).where('p.user_id', '<>', row.owner_id)
    .orderBy('u.display_name').execute()
  return {
    id: row.id, kind: row.kind, title: row.title, startsAt: row.starts_at, endsAt: row.ends_at,
    location: row.location || (row.kind === 'visit' ? company.address : ''), notes: row.notes, ownerName: row.owner_name ?? '',
    colleagues: colleagues.map((c) => c.display_name),
  }
}

const contactColumns = ['k.id', 'k.title', 'k.first_name', 'k.last_name', 'k.job_function', 'k.buying_role', 'k.influence', 'k.attitude', 'k.worries'] as const
type ContactRow = { id: string; title: string; first_name: string; last_name: string; job_function: string; buying_role: BriefingPerson['buyingRole']; influence: BriefingPerson['influence']; attitude: BriefingPerson['attitude']; worries: string }

/** The most people a briefing lists: the buying center of a large customer is cut after the most influential. */
const MAX_PEOPLE = 12

/**
 * Who will be there: the appointment's contacts; without any, the buying center — the participants of the
 * customer's latest conversation, else the contacts with a buying role. Each with role, influence and attitude
 * from the latest conversation they took part in (what was learnt there), else as kept on the contact.
 */
export async function briefingPeople(db: Db, companyId: string, appointmentId: string | null): Promise<{ from: 'appointment' | 'buyingCenter'; people: BriefingPerson[] }> {
  const contacts = () => db.selectFrom('contacts as k').select([...contactColumns]).where('k.company_id', '=', companyId).where('k.deleted_at', 'is', null)
  // Every conversation participant of the customer, newest conversation first (conversations by company, participants by conversation).
  const roles = await db.selectFrom('conversations as cv').innerJoin('conversation_participants as cp', 'cp.conversation_id', 'cv.id')
    .select(['cv.id as conversation_id', 'cp.contact_id', 'cp.buying_role', 'cp.influence', 'cp.attitude', 'cp.cares_about'])
    .where('cv.company_id', '=', companyId).where('cv.deleted_at', 'is', null).where('cp.deleted_at', 'is', null)
    .orderBy('cv.held_at', 'desc').orderBy('cv.created_at', 'desc').limit(500).execute()
  const latestRole = new Map<string, (typeof roles)[number]>()
  for (const r of roles) if (!latestRole.has(r.contact_id)) latestRole.set(r.contact_id, r)

  let from: 'appointment' | 'buyingCenter' = 'appointment'
  let rows: ContactRow[] = []
  if (appointmentId) {
    rows = await contacts().innerJoin('appointment_participants as p', 'p.contact_id', 'k.id')
      .where('p.appointment_id', '=', appointmentId).where('p.deleted_at', 'is', null).orderBy('k.sort_name').limit(MAX_PEOPLE).execute()
  }
  if (rows.length === 0) {
    from = 'buyingCenter'
    const latestConversation = roles[0]?.conversation_id
    const inConversation = roles.filter((r) => r.conversation_id === latestConversation).map((r) => r.contact_id)
    rows = inConversation.length > 0
      ? await contacts().where('k.id', 'in', inConversation).orderBy('k.sort_name').limit(MAX_PEOPLE).execute()
      : await contacts().where('k.buying_role', '<>', '').orderBy('k.sort_name').limit(MAX_PEOPLE).execute()
  }
  const people = rows.map((k): BriefingPerson => {
    const r = latestRole.get(k.id)
    return {
      contactId: k.id, name: [k.title, k.first_name, k.last_name].filter(Boolean).join(' '), jobFunction: k.job_function,
      buyingRole: r?.buying_role || k.buying_role, influence: r?.influence || k.influence, attitude: r?.attitude || k.attitude,
      worries: k.worries, caresAbout: r?.cares_about ?? '',
    }
  })
  return { from, people }
}
