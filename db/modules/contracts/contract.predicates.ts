// The contract predicates as SQL, built from the status lists of shared/modules/contracts/contract.enums.ts:
// the contract list, the renewal pipeline and reminders, the daily roll and the journey ask these.
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { CANCELLED_STATUSES, RENEWING_STATUSES, type ContractStatus } from '../../../shared/modules/contracts'
import { column, inList } from '../../platform/sql-values'
import { installedSlot } from '../../platform/installed'
import type { CompanyIdSql, JourneyFactQueries, JourneyFlips } from '../customers'

/** Renewing: active or renewed (`k` is the contracts table's alias, if any). */
export const renewingContract = (k?: string): RawBuilder<SqlBool> => inList(column(k, 'status'), RENEWING_STATUSES)

/** The day a cancelled contract ends: the agreed effective date, else the end of its running term. */
const effectiveEnd = (k?: string) => sql<string>`coalesce(${column(k, 'cancellation_effective_on')}, ${column(k, 'end_date')})`

/** Running on `today`: renewing, or cancelled and not yet at its effective end (isRunningContract in shared). */
export const runningContract = (today: string, k?: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${renewingContract(k)} or (${inList(column(k, 'status'), CANCELLED_STATUSES)} and ${effectiveEnd(k)} >= ${today}))`

/** The first day of the renewal window: the contract's lead time before its cancel-by date. */
const windowOpens = (k?: string) => sql<string>`date(${column(k, 'cancel_by')}, '-' || ${column(k, 'renewal_lead_days')} || ' days')`

/** Inside its renewal window on `today`: renewing, and `today` between the window's first day and the cancel-by date. */
export const inRenewalWindow = (today: string, k?: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${renewingContract(k)} and ${column(k, 'cancel_by')} >= ${today} and ${windowOpens(k)} <= ${today}`

/** A contract counts as new for this many days after it started (and before, once signed). */
export const NEW_CONTRACT_DAYS = 30
const ENDED: ContractStatus = 'ended'

/** Signed, not ended, and starting in the future or within the last NEW_CONTRACT_DAYS days. */
const newContract = (today: string, k?: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${column(k, 'status')} <> ${sql.lit(ENDED)} and ${column(k, 'start_date')} >= date(${today}, ${sql.lit(`-${NEW_CONTRACT_DAYS} days`)})`

const ofCompany = (companyId: CompanyIdSql) => sql`k.company_id = ${companyId} and k.deleted_at is null`

/** The journey's contract facts: usage (a running contract that has started), a new contract, the renewal window. */
export const CONTRACT_JOURNEY_FACTS: Pick<JourneyFactQueries, 'activeContract' | 'newContract' | 'inRenewalWindow'> = {
  activeContract: (companyId, today) =>
    sql<number>`exists(select 1 from contracts k where ${ofCompany(companyId)} and k.start_date <= ${today} and ${runningContract(today, 'k')})`,
  newContract: (companyId, today) => sql<number>`exists(select 1 from contracts k where ${ofCompany(companyId)} and ${newContract(today, 'k')})`,
  inRenewalWindow: (companyId, today) => sql<number>`exists(select 1 from contracts k where ${ofCompany(companyId)} and ${inRenewalWindow(today, 'k')})`,
}

/** True when `day` (an SQL date) falls after `after`, up to `until`: the fact flips in that span. */
const flipsIn = (day: RawBuilder<string>, after: string, until: string) => sql<SqlBool>`(${day} > ${after} and ${day} <= ${until})`

/**
 * The companies whose contract facts flip after `after`, up to `until`: a renewal window opens or closes
 * (the day after the cancel-by date), a contract starts or stops being new, a running contract ends.
 */
export const CONTRACT_JOURNEY_FLIPS: JourneyFlips = (after, until) => sql<{ company_id: string }>`select distinct company_id from contracts where deleted_at is null and (
  ${flipsIn(windowOpens(), after, until)}
  or ${flipsIn(sql`date(cancel_by, '+1 day')`, after, until)}
  or ${flipsIn(sql`start_date`, after, until)}
  or ${flipsIn(sql`date(start_date, ${sql.lit(`+${NEW_CONTRACT_DAYS + 1} days`)})`, after, until)}
  or ${flipsIn(sql`date(${effectiveEnd()}, '+1 day')`, after, until)})`

/**
 * Whether a renewal offer is still undecided (a draft, sent or in negotiation): while one is, the contract
 * gets no second one. That is the offer module's predicate, and offers depend on this module: db/database.ts
 * installs it (`o` is the offers table's alias).
 */
export type UndecidedOfferPredicate = (o: string) => RawBuilder<SqlBool>
const undecidedRenewal = installedSlot<UndecidedOfferPredicate>("the offers' undecided predicate (for renewal offers)")
export const setUndecidedRenewalOffer = (predicate: UndecidedOfferPredicate): void => undecidedRenewal.install(predicate)
export const undecidedRenewalOffer = (o: string): RawBuilder<SqlBool> => undecidedRenewal.get()(o)
