// The business that makes a company a customer, as SQL: a running contract (signed, not ended) or a won
// offer of its own (one no contract was made from and that renews none; those live on in their contract).
// The contract part reuses the installed contract facts; the won offer is read from the offers table.
// What the status does when this fact changes: electron/main/modules/customers/customer-status.service.ts.
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../database.types'
import { journeyFacts, type CompanyIdSql } from './journey.facts'

const WON = sql.lit('won')
const ENDED = sql.lit('ended')

/** A won offer that stands on its own: not the source of a contract, not a renewal of one. */
export const wonOfferOfItsOwn = (companyId: CompanyIdSql): RawBuilder<number> => sql<number>`exists(select 1 from offers o
  where o.company_id = ${companyId} and o.deleted_at is null and o.status = ${WON} and o.contract_id is null
  and not exists(select 1 from contracts k where k.company_id = o.company_id and k.offer_id = o.id and k.deleted_at is null))`

/** Whether the company has business on `today` (0/1): a running or signed contract, or a won offer of its own. */
export function customerBusiness(companyId: CompanyIdSql, today: string): RawBuilder<number> {
  const f = journeyFacts()
  return sql<number>`(${f.activeContract(companyId, today)} or ${f.newContract(companyId, today)} or ${wonOfferOfItsOwn(companyId)})`
}

/** What made the company a customer, for its timeline: the latest won offer or signed contract. */
export async function latestBusiness(db: Kysely<Database>, companyId: string): Promise<{ kind: 'offer' | 'contract'; number: string } | null> {
  const row = await sql<{ kind: 'offer' | 'contract'; number: string }>`select kind, number from (
      select 'offer' as kind, number, closed_at as at from offers where company_id = ${companyId} and deleted_at is null and status = ${WON}
      union all
      select 'contract' as kind, number, created_at as at from contracts where company_id = ${companyId} and deleted_at is null and status <> ${ENDED}
    ) order by at desc limit 1`.execute(db)
  return row.rows[0] ?? null
}

/** The contract that ended last (the one whose end made the company a former customer). */
export async function lastEndedContract(db: Kysely<Database>, companyId: string): Promise<string | null> {
  const row = await sql<{ number: string }>`select number from contracts where company_id = ${companyId} and deleted_at is null
    order by coalesce(cancellation_effective_on, end_date) desc limit 1`.execute(db)
  return row.rows[0]?.number ?? null
}

/**
 * Companies the device of `userId` moves by the date (the daily roll): its account owner's, and those
 * without an owner whose contract `userId` owns. One device per company, so the event is written once.
 */
export const statusMovedBy = (companyId: CompanyIdSql, ownerId: CompanyIdSql, userId: string): RawBuilder<number> =>
  sql<number>`(${ownerId} = ${userId} or (${ownerId} = '' and exists(select 1 from contracts k where k.company_id = ${companyId} and k.owner_id = ${userId} and k.deleted_at is null)))`
