// The use-phase predicates as SQL, built from the lists of shared/modules/service/service.enums.ts: the case
// lists, the service work list, the NPS report and the journey ask these.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely'
import { DETRACTOR_MAX_SCORE, OPEN_CASE_STATUSES, PROMOTER_MIN_SCORE, type FeedbackKind, type ReferralStatus } from '../../../shared/modules/service'
import { column, inList } from '../../platform/sql-values'
import { installedSlot } from '../../platform/installed'
import type { CompanyIdSql, JourneyFactQueries, JourneyFlips } from '../customers'

/** Open: new, acknowledged or in progress (`s` is the cases table's alias, if any). */
export const openCase = (s?: string): RawBuilder<SqlBool> => inList(column(s, 'status'), OPEN_CASE_STATUSES)
/** Overdue at the instant `now`: open and past its next service-level deadline (isOverdueCase in shared). */
export const overdueCase = (now: string, s?: string): RawBuilder<SqlBool> => sql<SqlBool>`${openCase(s)} and ${column(s, 'sla_due')} < ${now}`

const NPS: FeedbackKind = 'nps'
/** An NPS answer's score makes a promoter (9–10) or a detractor (0–6) (`f` is the feedback table's alias, if any). */
export const promoterScore = (f?: string): RawBuilder<SqlBool> => sql<SqlBool>`${column(f, 'score')} >= ${sql.lit(PROMOTER_MIN_SCORE)}`
export const detractorScore = (f?: string): RawBuilder<SqlBool> => sql<SqlBool>`${column(f, 'score')} <= ${sql.lit(DETRACTOR_MAX_SCORE)}`
/** A promoter's answer: an NPS answer of 9 or 10 (isPromoter in shared). */
export const promoterFeedback = (f?: string): RawBuilder<SqlBool> => sql<SqlBool>`${column(f, 'kind')} = ${sql.lit(NPS)} and ${promoterScore(f)}`

/** A referral given, or a promoter's answer, keeps the customer at the referral station this long. */
export const REFERRAL_JOURNEY_MONTHS = 12
const monthsBack = sql.lit(`-${REFERRAL_JOURNEY_MONTHS} months`)
const monthsOn = sql.lit(`+${REFERRAL_JOURNEY_MONTHS} months`)

/** The journey's use-phase facts: open cases (support), a referral or a promoter's answer within the year (referral). */
export const SERVICE_JOURNEY_FACTS: Pick<JourneyFactQueries, 'openCaseCount' | 'referralOrPromoter'> = {
  openCaseCount: (companyId: CompanyIdSql) =>
    sql<number>`(select count(*) from cases s where s.company_id = ${companyId} and s.deleted_at is null and ${openCase('s')})`,
  referralOrPromoter: (companyId, today) =>
    sql<number>`exists(select 1 from referrals r where r.company_id = ${companyId} and r.deleted_at is null and r.created_at >= date(${today}, ${monthsBack}))
      or exists(select 1 from feedback f where f.company_id = ${companyId} and f.deleted_at is null and ${promoterFeedback('f')} and f.given_on >= date(${today}, ${monthsBack}))`,
}

/** The companies whose referral fact ends after `after`, up to `until`: the referral or the promoter's answer is a year old. */
export const SERVICE_JOURNEY_FLIPS: JourneyFlips = (after, until) => sql<{ company_id: string }>`select company_id from referrals where deleted_at is null
    and date(created_at, ${monthsOn}) > ${after} and date(created_at, ${monthsOn}) <= ${until}
  union select company_id from feedback where deleted_at is null and ${promoterFeedback()}
    and date(given_on, ${monthsOn}) > ${after} and date(given_on, ${monthsOn}) <= ${until}`

/**
 * Where a referral stands is read from the referred company's offers (won beats an open offer beats lost).
 * Those are the offer module's predicates, and offers depend on this module: db/database.ts installs them.
 */
export type ReferralStatusQuery = (referredCompanyId: Expression<string>) => RawBuilder<ReferralStatus>
const referralStatus = installedSlot<ReferralStatusQuery>('the referral status (from the offers)')
export const setReferralStatusQuery = (query: ReferralStatusQuery): void => referralStatus.install(query)
export const referralStatusOf = (referredCompanyId: Expression<string>): RawBuilder<ReferralStatus> => referralStatus.get()(referredCompanyId)
