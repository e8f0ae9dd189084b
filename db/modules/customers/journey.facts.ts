// The structural facts of the journey, as SQL. Each fact is about records of another module (offers,
// contracts, cases, referrals, feedback), and that module defines it with its own business predicates
// (db/modules/<module>/*.predicates.ts). Customers may not import those modules (they depend on
// customers), so the facts are handed in: db/database.ts, the composition root, installs them, as it
// installs the row check of the synced writes.
import { sql, type Expression, type RawBuilder } from 'kysely'
import { installedSlot } from '../../platform/installed'

/** A company's id as SQL: a bound value, or a column of the outer query (`c.id`). */
export type CompanyIdSql = Expression<string>

/** Each structural fact of shared/modules/customers/journey.rules.ts, as a scalar SQL expression (booleans as 0/1). */
export interface JourneyFactQueries {
  /** Offers not decided yet, drafts included (UNDECIDED_OFFER_STATUSES). Does not change with the date. */
  openOfferCount(companyId: CompanyIdSql): RawBuilder<number>
  /** A running contract that has started: the usage station. */
  activeContract(companyId: CompanyIdSql, today: string): RawBuilder<number>
  /** A contract signed and not yet started, or started within the last 30 days. */
  newContract(companyId: CompanyIdSql, today: string): RawBuilder<number>
  /** A renewing contract inside its renewal window (its lead time before the cancel-by date, up to that date). */
  inRenewalWindow(companyId: CompanyIdSql, today: string): RawBuilder<number>
  /** Open cases (OPEN_CASE_STATUSES). */
  openCaseCount(companyId: CompanyIdSql): RawBuilder<number>
  /** A referral given, or a promoter's answer, in the last twelve months. */
  referralOrPromoter(companyId: CompanyIdSql, today: string): RawBuilder<number>
}

/**
 * Companies whose date-dependent facts flip on a day after `after`, up to `until` (a renewal window
 * opening, a contract starting, a referral growing older than a year): `select company_id …`.
 */
export type JourneyFlips = (after: string, until: string) => RawBuilder<{ company_id: string }>

const installed = installedSlot<{ facts: JourneyFactQueries; flips: readonly JourneyFlips[] }>('the journey facts')

/** Called once by db/database.ts with every module's facts; the compiler checks that none is missing. */
export function setJourneyFacts(facts: JourneyFactQueries, flips: readonly JourneyFlips[]): void {
  installed.install({ facts, flips })
}

export const journeyFacts = (): JourneyFactQueries => installed.get().facts

/**
 * The facts every refresh reads, for the company `companyId` on `today`, each under its name: all but the
 * offer count, which a caller may already know (`findCompany` reads it with the company).
 */
export function structuralFacts(companyId: CompanyIdSql, today: string) {
  const f = journeyFacts()
  return [
    f.activeContract(companyId, today).as('activeContract'),
    f.newContract(companyId, today).as('newContract'),
    f.inRenewalWindow(companyId, today).as('inRenewalWindow'),
    f.openCaseCount(companyId).as('openCaseCount'),
    f.referralOrPromoter(companyId, today).as('referralOrPromoter'),
  ]
}

/** Every company whose journey facts flip with the calendar after `after`, up to `until`. */
export function companiesWithFlippedFacts(after: string, until: string): RawBuilder<{ company_id: string }> {
  return sql<{ company_id: string }>`${sql.join(installed.get().flips.map((flips) => flips(after, until)), sql` union `)}`
}
