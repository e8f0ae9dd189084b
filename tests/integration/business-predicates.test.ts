// The SQL form of each business predicate (db/modules/<module>/*.predicates.ts) answers as its shared
// definition does, on every status and around each date boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { decidedOffer, openOffer, undecidedOffer } from '../../db/modules/offers'
import { inRenewalWindow, renewingContract, runningContract, undecidedRenewalOffer } from '../../db/modules/contracts'
import { openCase, overdueCase, promoterFeedback } from '../../db/modules/service'
import { installedSlot } from '../../db/platform/installed'
import { DECIDED_OFFER_STATUSES, isOpenOffer, isUndecidedOffer, OFFER_STATUSES } from '../../shared/modules/offers'
import { CONTRACT_STATUSES, isRenewing, isRunningContract, type ContractStatus } from '../../shared/modules/contracts'
import { CASE_STATUSES, FEEDBACK_KINDS, isOpenCase, isOverdueCase, isPromoter, type CaseStatus, type FeedbackKind } from '../../shared/modules/service'
import { openTestDb, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeAll(async () => {
  t = await openTestDb()
})
afterAll(async () => t.cleanup())

/** The rows of a literal table `alias(columns…)` for which `where` holds, by their first column. */
async function matching(alias: string, columns: string[], rows: Array<Array<string | number | null>>, where: RawBuilder<SqlBool>): Promise<unknown[]> {
  const values = sql.join(rows.map((row) => sql`(${sql.join(row)})`))
  const { rows: found } = await sql<{ key: unknown }>`with ${sql.raw(alias)}(${sql.raw(columns.join(', '))}) as (values ${values})
    select ${sql.raw(columns[0]!)} as key from ${sql.raw(alias)} where ${where}`.execute(t.database.db)
  return found.map((r) => r.key)
}

describe('offer predicates in SQL', () => {
  const statuses = OFFER_STATUSES.map((s) => [s])
  it('open, undecided and decided name the same statuses as the shared lists', async () => {
    expect(await matching('o', ['status'], statuses, openOffer('o'))).toEqual(OFFER_STATUSES.filter(isOpenOffer))
    expect(await matching('o', ['status'], statuses, undecidedOffer('o'))).toEqual(OFFER_STATUSES.filter(isUndecidedOffer))
    expect(await matching('o', ['status'], statuses, decidedOffer('o'))).toEqual([...DECIDED_OFFER_STATUSES])
  })
  it("a contract's undecided renewal offer is the offers' undecided (installed by db/database.ts)", async () => {
    expect(await matching('o', ['status'], statuses, undecidedRenewalOffer('o'))).toEqual(OFFER_STATUSES.filter(isUndecidedOffer))
  })
})

describe('contract predicates in SQL', () => {
  const today = '2026-11-20'
  it('renewing and running agree with the shared definitions on every status and effective date', async () => {
    const rows: Array<[string, ContractStatus, string | null, string]> = []
    for (const status of CONTRACT_STATUSES) {
      for (const [effective, end] of [[null, '2026-12-31'], [null, '2026-11-20'], [null, '2026-11-19'], ['2026-11-20', '2026-10-31'], ['2026-11-19', '2026-12-31']] as const) {
        rows.push([`${status}|${effective}|${end}`, status, effective, end])
      }
    }
    const columns = ['key', 'status', 'cancellation_effective_on', 'end_date']
    expect(await matching('k', columns, rows, renewingContract('k'))).toEqual(rows.filter((r) => isRenewing(r[1])).map((r) => r[0]))
    expect(await matching('k', columns, rows, runningContract(today, 'k')))
      .toEqual(rows.filter((r) => isRunningContract({ status: r[1], cancellationEffectiveOn: r[2], endDate: r[3] }, today)).map((r) => r[0]))
  })

  it('the renewal window runs from the lead time before the cancel-by date up to that date, for renewing contracts', async () => {
    const columns = ['key', 'status', 'cancel_by', 'renewal_lead_days']
    const rows: Array<[string, ContractStatus, string, number]> = [
      ['opens today', 'active', '2027-02-18', 90], ['opens tomorrow', 'active', '2027-02-19', 90], ['ends today', 'renewed', '2026-11-20', 90],
      ['ended yesterday', 'renewed', '2026-11-19', 90], ['cancelled', 'cancelled_customer', '2026-12-01', 90], ['ended', 'ended', '2026-12-01', 90],
    ]
    expect(await matching('k', columns, rows, inRenewalWindow(today, 'k'))).toEqual(['opens today', 'ends today'])
  })
})

describe('use-phase predicates in SQL', () => {
  const now = '2026-11-20T10:00:00.000Z'
  it('open and overdue cases agree with the shared definitions', async () => {
    const rows: Array<[string, CaseStatus, string | null]> = []
    for (const status of CASE_STATUSES) for (const due of [null, '2026-11-20T09:59:59.999Z', now, '2026-11-21T00:00:00.000Z']) rows.push([`${status}|${due}`, status, due])
    const columns = ['key', 'status', 'sla_due']
    expect(await matching('s', columns, rows, openCase('s'))).toEqual(rows.filter((r) => isOpenCase(r[1])).map((r) => r[0]))
    expect(await matching('s', columns, rows, overdueCase(now, 's'))).toEqual(rows.filter((r) => isOverdueCase({ status: r[1], slaDue: r[2] }, now)).map((r) => r[0]))
  })

  it('a promoter\'s answer agrees with the shared definition', async () => {
    const rows: Array<[string, FeedbackKind, number | null]> = []
    for (const kind of FEEDBACK_KINDS) for (const score of [null, 0, 6, 8, 9, 10]) rows.push([`${kind}|${score}`, kind, score])
    expect(await matching('f', ['key', 'kind', 'score'], rows, promoterFeedback('f'))).toEqual(rows.filter((r) => isPromoter(r[1], r[2])).map((r) => r[0]))
  })
})

describe('installed predicates', () => {
  it('fail loudly when read before the composition root installed them', () => {
    const slot = installedSlot<number>('the example')
    expect(() => slot.get()).toThrow(/the example is not installed/)
    slot.install(1)
    expect(slot.get()).toBe(1)
  })
})
