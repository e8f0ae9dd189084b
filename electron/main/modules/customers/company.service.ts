// Company use cases: each one transaction, each write through the synced path.
import { countByStation, findCompany, isCustomerNumberTaken, listCompanies as queryCompanies } from '../../../../db/modules/customers/company.repository'
import { newId } from '../../../../db/platform/ids'
import { deleteSynced, insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { Page } from '../../../../shared/platform/common.schema'
import type { CompanyFields, CompanyListQuery } from '../../../../shared/modules/customers/company.schema'
import type { CompanyStatus } from '../../../../shared/modules/customers/customer.enums'
import type { Company, CompanyListItem, StationCount } from '../../../../shared/modules/customers/customer.types'
import { LOCAL_WRITE, MANUAL_STATUS, STATIONS } from '../../../../shared/modules/customers'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { companyColumns, toCompany } from './customers.mappers'
import { refreshJourney } from './journey.service'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'

export async function getCompany(ctx: ServiceContext, id: string, db: Kysely<Database> = ctx.db): Promise<Company> {
  const row = await findCompany(db, id)
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return toCompany(row)
}

async function checkCustomerNumber(db: Kysely<Database>, fields: CompanyFields, exceptId: string | null) {
  if (await isCustomerNumberTaken(db, fields.customerNumber, exceptId)) throw fieldError('customerNumber', 'errors.customerNumberTaken')
}

/**
 * Inserts a company within the caller's transaction (a lead's conversion writes company, contact, touchpoint and
 * task in one); its new id. `teamId`: the team it is made in (a lead converted for a field rep goes to the rep's
 * team); without one the sync server places it in the pusher's team.
 */
export async function insertCompany(trx: Transaction<Database>, ctx: ServiceContext, fields: CompanyFields, now: string, teamId?: string): Promise<string> {
  await checkCustomerNumber(trx, fields, null)
  const id = newId()
  // Without an owner chosen, the company is the current user's (who is working on this device).
  await insertSynced(trx, 'companies', { id, ...companyColumns(fields), owner_id: fields.ownerId || ctx.userId, ...(teamId ? { team_id: teamId } : {}) }, now)
  await refreshJourney(trx, id, now)
  return id
}

export async function createCompany(ctx: ServiceContext, fields: CompanyFields): Promise<Company> {
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => getCompany(ctx, await insertCompany(trx, ctx, fields, now), trx))
}

export async function updateCompany(ctx: ServiceContext, id: string, input: CompanyFields & { statusLoaded?: CompanyStatus | undefined }): Promise<Company> {
  const { statusLoaded, ...given } = input
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    await checkCustomerNumber(trx, given, id)
    const before = await trx.selectFrom('companies').select('status').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
    // A status the user changes by hand is their choice: the business seen so far counts as seen, nothing
    // moves it. A status left as the form loaded it keeps what the company has now (it may have moved since).
    const chosen = given.status !== (statusLoaded ?? before?.status)
    const fields = { ...given, status: chosen || !before ? given.status : before.status }
    const policy = before && before.status !== fields.status ? MANUAL_STATUS : LOCAL_WRITE
    if (await updateSynced(trx, 'companies', id, companyColumns(fields), now)) await refreshJourney(trx, id, now, undefined, policy)
    return getCompany(ctx, id, trx)
  })
}

/** Every synced table whose rows hang off a company through `company_id`, children before their parents. */
export const COMPANY_CHILD_TABLES = ['attachments', 'appointment_participants', 'appointments', 'tasks', 'touchpoints', 'follow_ups', 'promises', 'offer_items', 'offer_revisions', 'offer_approvals', 'offers', 'conversation_participants', 'conversations', 'contacts',
  'contract_items', 'contracts', 'assets', 'case_lines', 'case_events', 'cases', 'referrals', 'feedback', 'consents', 'erp_facts', 'trigger_firings', 'journey_changes'] as const

/**
 * Deleting a company tombstones everything that hangs off it too (contacts, touchpoints, conversations,
 * offers with their items, revisions and follow-ups, contracts, installed products, cases, referrals
 * given, feedback, tasks, appointments, attached files), each with its own outbox entry, so no reminder of a deleted customer is left behind
 * and no laptop holds a record whose company is gone. The server does the same for what it holds.
 */
export async function deleteCompany(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    for (const table of COMPANY_CHILD_TABLES) {
      const children = await trx.selectFrom(table).select('id').where('company_id', '=', id).where('deleted_at', 'is', null).execute()
      for (const child of children) await deleteSynced(trx, table, child.id, now)
    }
    await deleteSynced(trx, 'companies', id, now)
  })
  return { id }
}

export async function listCompanies(ctx: ServiceContext, query: Required<CompanyListQuery>, countAhead?: number): Promise<Page<CompanyListItem>> {
  const { rows, total, totalIsLowerBound } = await queryCompanies(ctx.db, query, countAhead)
  return {
    total,
    totalIsLowerBound,
    offset: query.offset,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      customerNumber: r.customer_number,
      city: r.city,
      federalState: r.federal_state,
      status: r.status,
      segment: r.segment,
      station: r.station,
      ownerName: r.owner_name ?? '',
      updatedAt: r.updated_at,
      health: r.health_score === null || r.health_light === null ? null : { score: r.health_score, light: r.health_light },
    })),
  }
}

export async function stationCounts(ctx: ServiceContext): Promise<StationCount[]> {
  const rows = await countByStation(ctx.db)
  const counts = new Map(rows.map((r) => [r.station ?? 'none', Number(r.n)]))
  return [...STATIONS, 'none' as const].map((station) => ({ station, count: counts.get(station) ?? 0 }))
}
