// The health score's facts for a chunk of companies in one query (one row per company, a correlated subquery per
// fact, each led by the company's own index), built from the owning modules' predicates: open and overdue cases,
// complaints, the latest answers, the latest touchpoint, the nearest cancel-by date and its renewal offer, the
// won value of two years, overdue follow-ups, the latest ERP month, a referral or a promoter's answer.
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../database.types'
import { openCase, overdueCase } from '../service'
import { renewingContract, runningContract } from '../contracts'
import { openOfferLookedUp, undecidedOffer } from '../offers'
import { PROMOTER_MIN_SCORE } from '../../../shared/modules/service'
import { DEFAULT_TOUCHPOINT_NORM_DAYS, SEGMENT_TOUCHPOINT_NORM_DAYS, type HealthFacts } from '../../../shared/modules/success'
import type { Segment } from '../../../shared/modules/customers'
import { berlinDay } from '../../../shared/platform/berlin-time'
import { parseDate } from '../../../shared/platform/calendar/calendar-days'

export interface CompanyFacts {
  companyId: string
  teamId: string
  facts: HealthFacts
}

const split = (packed: string | null): string[] | null => (packed === null ? null : packed.split('|'))

/** The facts of `companyIds` (live companies only) on the Berlin day of `now`. */
export async function healthFacts(trx: Transaction<Database>, companyIds: readonly string[], now: string): Promise<CompanyFacts[]> {
  if (companyIds.length === 0) return []
  const today = berlinDay(now)
  const c = sql.ref<string>('c.id')
  const year = sql`date(${today}, '-12 months')`
  const twoYears = sql`date(${today}, '-24 months')`
  // One pass over each table per company: several figures packed into one text ('a|b|c'), not one subquery each.
  const complaint = sql`s.type = 'complaint'`
  const flag = (condition: ReturnType<typeof sql>) => sql`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`
  const answer = (kind: 'nps' | 'satisfaction') => sql<string | null>`(select f.score || '|' || f.given_on from feedback f where f.company_id = ${c} and f.deleted_at is null
    and f.kind = ${sql.lit(kind)} and f.score is not null order by f.given_on desc, f.created_at desc limit 1)`
  const wonDay = sql`coalesce(o.order_date, substr(o.closed_at, 1, 10))`
  const rows = await trx
    .selectFrom('companies as c')
    .select([
      'c.id', 'c.team_id', 'c.segment',
      sql<string>`(select ${flag(openCase('s'))} || '|' || ${flag(overdueCase(now, 's'))} || '|' || ${flag(sql`${complaint} and s.received_at >= ${year}`)}
        || '|' || ${flag(sql`${complaint} and ${openCase('s')}`)} || '|' || ${flag(sql`${complaint} and ${overdueCase(now, 's')}`)}
        from cases s where s.company_id = ${c} and s.deleted_at is null)`.as('cases'),
      answer('nps').as('nps'),
      answer('satisfaction').as('satisfaction'),
      sql<string | null>`(select max(t.occurred_at) from touchpoints t where t.company_id = ${c} and t.deleted_at is null)`.as('last_touch'),
      // The nearest cancel-by date of a renewing contract, and whether it has a renewal offer (undecided or won).
      sql<string | null>`(select k.cancel_by || '|' || (exists(select 1 from offers o where o.contract_id = k.id and o.deleted_at is null
          and (${undecidedOffer('o')} or o.status = 'won')))
        from contracts k where k.company_id = ${c} and k.deleted_at is null and ${renewingContract('k')} and k.cancel_by >= ${today}
        order by k.cancel_by limit 1)`.as('renewal'),
      sql<number>`exists(select 1 from contracts k where k.company_id = ${c} and k.deleted_at is null
        and k.status = 'cancelled_customer' and ${runningContract(today, 'k')})`.as('cancelled'),
      sql<string>`(select coalesce(sum(case when ${wonDay} > ${year} then coalesce(o.order_value_cents, o.gross_cents) else 0 end), 0) || '|'
        || coalesce(sum(case when ${wonDay} <= ${year} then coalesce(o.order_value_cents, o.gross_cents) else 0 end), 0)
        from offers o where o.company_id = ${c} and o.deleted_at is null and o.status = 'won' and ${wonDay} > ${twoYears} and ${wonDay} <= ${today})`.as('won'),
      sql<number>`(select count(*) from follow_ups u where u.company_id = ${c} and u.deleted_at is null and u.status = 'open' and u.due_date < ${today}
        and exists(select 1 from offers o where o.id = u.offer_id and o.deleted_at is null and ${openOfferLookedUp('o')}))`.as('overdue_follow_ups'),
      sql<string | null>`(select e.month || '|' || e.open_items_cents || '|' || e.days_overdue from erp_facts e
        where e.company_id = ${c} and e.deleted_at is null order by e.month desc limit 1)`.as('erp'),
      sql<number>`exists(select 1 from referrals r where r.company_id = ${c} and r.deleted_at is null and r.created_at >= ${year})`.as('referral'),
    ])
    .where('c.id', 'in', companyIds)
    .where('c.deleted_at', 'is', null)
    .execute()
  const todayNumber = parseDate(today)
  const yearAgo = (await trx.selectNoFrom(sql<string>`date(${today}, '-12 months')`.as('d')).executeTakeFirstOrThrow()).d
  return rows.map((r) => {
    const [open, overdue, complaints, openComplaints, overdueComplaints] = split(r.cases)!.map(Number) as [number, number, number, number, number]
    const nps = split(r.nps)
    const satisfaction = split(r.satisfaction)
    const [wonLast, wonPrior] = split(r.won)!.map(Number) as [number, number]
    const renewal = split(r.renewal)
    const erp = split(r.erp)
    const segment = r.segment as Segment | ''
    const lastNps = nps === null ? null : Number(nps[0])
    const facts: HealthFacts = {
      openCases: open, overdueCases: overdue, complaints12m: complaints, openComplaints, overdueComplaints,
      lastNps, lastSatisfaction: satisfaction === null ? null : Number(satisfaction[0]),
      daysSinceTouchpoint: r.last_touch === null ? null : Math.max(0, todayNumber - parseDate(berlinDay(r.last_touch))),
      normDays: segment === '' ? DEFAULT_TOUCHPOINT_NORM_DAYS : SEGMENT_TOUCHPOINT_NORM_DAYS[segment],
      daysToCancelBy: renewal === null ? null : parseDate(renewal[0]!) - todayNumber,
      renewalOfferMissing: renewal !== null && renewal[1] === '0',
      cancellationReceived: Boolean(r.cancelled),
      wonLast12: wonLast, wonPrior12: wonPrior,
      overdueFollowUps: Number(r.overdue_follow_ups),
      erp: erp === null ? null : { month: erp[0]!, openItemsCents: Number(erp[1]), daysOverdue: Number(erp[2]) },
      // A later detractor's answer outweighs an earlier promoter's: the latest answer of the year counts.
      promoterOrReferral: Boolean(r.referral) || (lastNps !== null && lastNps >= PROMOTER_MIN_SCORE && nps![1]! >= yearAgo),
    }
    return { companyId: r.id, teamId: r.team_id, facts }
  })
}
