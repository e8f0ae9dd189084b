// The offer predicates as SQL, built from the status lists of shared/modules/offers/offer.enums.ts: every
// list, report and the journey ask these instead of naming statuses themselves.
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { DECIDED_OFFER_STATUSES, OPEN_OFFER_STATUSES, UNDECIDED_OFFER_STATUSES, type OfferStatus } from '../../../shared/modules/offers'
import type { ReferralStatus } from '../../../shared/modules/service'
import { column, inList } from '../../platform/sql-values'
import type { CompanyIdSql, JourneyFactQueries } from '../customers'
import type { ReferralStatusQuery } from '../service'

/** Open: sent and waiting for the customer's decision (`o` is the offers table's alias, if any). */
export const openOffer = (o?: string): RawBuilder<SqlBool> => inList(column(o, 'status'), OPEN_OFFER_STATUSES)
/**
 * Open, for an offer reached by its id from another row (a follow-up): the same test, written so that the
 * status index never drives the query (`+status`), and the other row's own index keeps its order.
 */
export const openOfferLookedUp = (o: string): RawBuilder<SqlBool> => inList(sql`+${column(o, 'status')}`, OPEN_OFFER_STATUSES)
/** Undecided: not closed yet, drafts included. */
export const undecidedOffer = (o?: string): RawBuilder<SqlBool> => inList(column(o, 'status'), UNDECIDED_OFFER_STATUSES)
/** Decided: won, lost or expired (the order rate's base). */
export const decidedOffer = (o?: string): RawBuilder<SqlBool> => inList(column(o, 'status'), DECIDED_OFFER_STATUSES)

/** The journey's offer fact: the customer is at the offer station while an offer is undecided. */
export const OFFER_JOURNEY_FACTS: Pick<JourneyFactQueries, 'openOfferCount'> = {
  openOfferCount: (companyId: CompanyIdSql) =>
    sql<number>`(select count(*) from offers o where o.company_id = ${companyId} and o.deleted_at is null and ${undecidedOffer('o')})`,
}

const hasStatus = (status: OfferStatus, o?: string): RawBuilder<SqlBool> => sql<SqlBool>`${column(o, 'status')} = ${sql.lit(status)}`

/** A referral's status from the referred company's offers: won beats an open offer beats lost; without offers, contacted. */
export const REFERRAL_STATUS_FROM_OFFERS: ReferralStatusQuery = (referredCompanyId) => sql<ReferralStatus>`(select case
  when sum(${hasStatus('won', 'o')}) > 0 then 'won'
  when sum(${openOffer('o')}) > 0 then 'offer_sent'
  when sum(${hasStatus('lost', 'o')}) > 0 then 'lost'
  else 'contacted' end
  from offers o where o.company_id = ${referredCompanyId} and o.deleted_at is null)`
