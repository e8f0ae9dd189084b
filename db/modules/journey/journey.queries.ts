// Reads of the journey history (journey_changes, written by customers' journey refresh) for the customer page and
// the journey map: a company's changes in recorded order, and those of every company a filter selects.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../database.types'
import type { CompanyStatus, JourneyReason, Segment, Station } from '../../../shared/modules/customers'

export interface JourneyChangeRow {
  company_id: string
  station: Station | null
  reason: JourneyReason
  status: CompanyStatus
  changed_on: string
}

export interface CompanyFilter {
  segment: Segment | ''
  personaId: string
  ownerId: string
}

/** The live, not merged-away companies a filter selects (a persona: one of its contacts has it). */
function filteredCompanies(db: Kysely<Database>, f: CompanyFilter) {
  let q = db.selectFrom('companies as c').where('c.deleted_at', 'is', null)
  if (f.segment) q = q.where('c.segment', '=', f.segment)
  if (f.ownerId) q = q.where('c.owner_id', '=', f.ownerId)
  if (f.personaId) {
    q = q.where((eb) => eb.exists(eb.selectFrom('contacts as k').select(sql`1`.as('one'))
      .whereRef('k.company_id', '=', 'c.id').where('k.persona_id', '=', f.personaId).where('k.deleted_at', 'is', null)))
  }
  return q
}

/**
 * Every change up to `to` of the companies the filter selects, one company's history per row, packed as
 * `day,station,reason,status;…` in recorded order: read from the covering index journey_changes_company, the
 * companies as a set. A year of the large set is 80,000 changes: as 20,000 strings instead of 400,000 values the
 * driver hands over a fifth of the values (scripts/bench-journey.ts).
 */
export async function filteredJourneyHistories(db: Kysely<Database>, f: CompanyFilter, to: string): Promise<string[]> {
  let q = db.selectFrom('journey_changes as j')
    .select(sql<string>`group_concat(j.changed_on || ',' || coalesce(j.station, '') || ',' || j.reason || ',' || j.status, ';' order by j.changed_on, j.local_seq)`.as('h'))
    .where('j.deleted_at', 'is', null).where('j.changed_on', '<=', to)
  // Without a filter every live change belongs to a live company (deleting or merging a company tombstones its
  // changes in the same transaction, here and on the server): the companies table, wide and cold, is not read.
  if (f.segment || f.ownerId || f.personaId) q = q.where('j.company_id', 'in', filteredCompanies(db, f).select('c.id'))
  const rows = await q.groupBy('j.company_id').execute()
  return rows.map((r) => r.h)
}

/** The stored current station of every company the filter selects (null: outside the journey). */
export async function filteredCurrentStations(db: Kysely<Database>, f: CompanyFilter): Promise<Array<{ station: Station | null }>> {
  return filteredCompanies(db, f)
    .innerJoin('company_journey as cj', 'cj.company_id', 'c.id')
    .select('cj.station')
    .execute()
}

/** One company's changes in recorded order, its stored position and the day it was made. */
export async function companyJourneyChanges(db: Kysely<Database>, companyId: string) {
  const changes = await db.selectFrom('journey_changes').select(['station', 'reason', 'status', 'changed_on'])
    .where('company_id', '=', companyId).where('deleted_at', 'is', null)
    .orderBy('changed_on').orderBy('local_seq').execute()
  const company = await db.selectFrom('companies as c').leftJoin('company_journey as cj', 'cj.company_id', 'c.id')
    .select(['c.created_at', 'c.status', 'cj.station', 'cj.reason'])
    .where('c.id', '=', companyId).where('c.deleted_at', 'is', null).executeTakeFirst()
  return { changes, company }
}
