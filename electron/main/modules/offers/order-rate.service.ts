// The offer KPIs of the source documents: order rate (by count and value), lost reasons (Pareto),
// with vs. without a pre-offer conversation, and follow-up discipline.
import { approvalStats } from './approval-report'
import { sql } from 'kysely'
import type { OfferStatsTable } from '../../../../db/modules/offers/offers.table'
import { decidedOffer } from '../../../../db/modules/offers/offer.predicates'
import { berlinDayEnd } from '../../../../db/platform/berlin-sql'
import type { OrderRateReport, OrderRateRow, ParetoReason } from '../../../../shared/modules/offers/offer.types'
import { todayOf, type ServiceContext } from '../../platform/context'
import { periodOf, splitRange } from '../../platform/periods'

interface Query {
  from: string
  to: string
  period: 'month' | 'quarter' | 'year'
  ownerId: string
  segment: string
}


/** One roll-up group: a row of `offer_stats`, with its month as the report's period. */
type Group = Omit<OfferStatsTable, 'month'> & { period: string }

interface Acc<K extends string> {
  key: K
  won: number
  lost: number
  wonValue: number
  decidedValue: number
}

const toRow = <K extends string>(a: Acc<K>): OrderRateRow<K> => {
  const decided = a.won + a.lost
  return {
    key: a.key, decided, won: a.won, lost: a.lost, wonValueCents: a.wonValue, decidedValueCents: a.decidedValue,
    rateByCount: decided > 0 ? a.won / decided : null,
    rateByValue: a.decidedValue > 0 ? a.wonValue / a.decidedValue : null,
  }
}

/** Sums groups into rows by a key, in key order. */
function rollUp<K extends string>(groups: Group[], keyOf: (g: Group) => K): OrderRateRow<K>[] {
  const byKey = new Map<K, Acc<K>>()
  for (const g of groups) {
    const key = keyOf(g)
    const acc = byKey.get(key) ?? { key, won: 0, lost: 0, wonValue: 0, decidedValue: 0 }
    if (g.status === 'won') {
      acc.won += g.n
      acc.wonValue += g.value
    } else acc.lost += g.n
    acc.decidedValue += g.value
    byKey.set(key, acc)
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key)).map(toRow)
}

/**
 * Follow-up discipline: of the first follow-ups planned in the period (and due by today), how many were done on or
 * before the planned (German) day. Whole months from the trigger-kept roll-up (follow_up_stats, migration 036), the
 * partial months at the edges — the one of today among them — from one covering index of follow_ups.
 */
async function followUpDiscipline(ctx: ServiceContext, q: Query): Promise<{ due: number; onTime: number }> {
  const today = todayOf(ctx)
  const until = q.to < today ? q.to : today
  const { months, days } = splitRange(q.from, until)
  const d = { due: 0, onTime: 0 }
  if (months) {
    const stats = await sql<{ due: number | null; on_time: number | null }>`
      select sum(due) as due, sum(on_time) as on_time from follow_up_stats where month >= ${months[0]} and month <= ${months[1]}
        ${q.ownerId ? sql`and owner_id = ${q.ownerId}` : sql``}
        ${q.segment ? sql`and segment = ${q.segment}` : sql``}`.execute(ctx.db)
    d.due += Number(stats.rows[0]?.due ?? 0)
    d.onTime += Number(stats.rows[0]?.on_time ?? 0)
  }
  for (const [fromDay, toDay] of days) {
    const rows = await sql<{ due: number; on_time: number }>`
      select count(*) as due, coalesce(sum(f.status = 'done' and f.done_at < ${berlinDayEnd(sql.ref('f.planned_date'), Number(fromDay.slice(0, 4)), Number(toDay.slice(0, 4)))}), 0) as on_time
      from follow_ups f
      where f.deleted_at is null and f.kind = 'after_first' and f.planned_date >= ${fromDay} and f.planned_date <= ${toDay} and f.status <> 'cancelled'
        ${q.ownerId ? sql`and f.owner_id = ${q.ownerId}` : sql``}
        ${q.segment ? sql`and f.company_id in (select id from companies where segment = ${q.segment})` : sql``}`.execute(ctx.db)
    d.due += Number(rows.rows[0]?.due ?? 0)
    d.onTime += Number(rows.rows[0]?.on_time ?? 0)
  }
  return d
}

export async function orderRateReport(ctx: ServiceContext, q: Query): Promise<OrderRateReport> {
  // Decided offers (won, lost, expired) by decision date, in one pass over a covering index: the
  // groups are few (periods × owners × segments × with/without conversation × outcome), and every
  // view of the report is a roll-up of them.
  const { months, days } = splitRange(q.from, q.to)
  const fromStats = months
    ? (await sql<Group>`
        select month as period, owner_id, segment, conv, status, lost_reason, sum(n) as n, sum(value) as value
        from offer_stats where month >= ${months[0]} and month <= ${months[1]}
          ${q.ownerId ? sql`and owner_id = ${q.ownerId}` : sql``}
          ${q.segment ? sql`and segment = ${q.segment}` : sql``}
        group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0`.execute(ctx.db)).rows
    : []
  const fromOffers: Group[] = []
  for (const [fromDay, toDay] of days) {
    fromOffers.push(...(await sql<Group>`
      select substr(o.closed_at, 1, 7) as period, o.owner_id, coalesce(c.segment, '') as segment, o.conversation_id is not null as conv, o.status, o.lost_reason,
        count(*) as n, coalesce(sum(case when o.status = 'won' then coalesce(o.order_value_cents, o.gross_cents) else o.gross_cents end), 0) as value
      from offers o left join companies c on c.id = o.company_id
      where o.deleted_at is null and o.closed_at is not null and o.closed_at >= ${fromDay} and o.closed_at < ${`${toDay}T99`}
        and ${decidedOffer('o')}
        ${q.ownerId ? sql`and o.owner_id = ${q.ownerId}` : sql``}
        ${q.segment ? sql`and c.segment = ${q.segment}` : sql``}
      group by 1, 2, 3, 4, 5, 6`.execute(ctx.db)).rows)
  }
  const groups = [...fromStats, ...fromOffers].map((g) => ({ ...g, period: periodOf(g.period, q.period), n: Number(g.n), value: Number(g.value), conv: Number(g.conv) }))
  const owners = new Map((await ctx.db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]))
  const byConversation = rollUp(groups, (g) => (g.conv ? 'with' : 'without'))
  const empty = (key: string) => toRow({ key, won: 0, lost: 0, wonValue: 0, decidedValue: 0 })

  const reasons = new Map<ParetoReason, { count: number; valueCents: number }>()
  for (const g of groups) {
    if (g.status === 'won') continue
    const reason: ParetoReason = g.status === 'expired' ? 'expired' : g.lost_reason
    const r = reasons.get(reason) ?? { count: 0, valueCents: 0 }
    r.count += g.n
    r.valueCents += g.value
    reasons.set(reason, r)
  }
  const lostTotal = [...reasons.values()].reduce((sum, r) => sum + r.count, 0)
  let running = 0
  const lostReasons = [...reasons.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([reason, r]) => {
      running += r.count
      return { reason, count: r.count, valueCents: r.valueCents, cumulativeShare: lostTotal > 0 ? running / lostTotal : 0 }
    })

  const d = await followUpDiscipline(ctx, q)
  return {
    total: rollUp(groups, () => 'total')[0] ?? empty('total'),
    byPeriod: rollUp(groups, (g) => g.period),
    byOwner: rollUp(groups, (g) => owners.get(g.owner_id) ?? g.owner_id),
    bySegment: rollUp(groups, (g) => g.segment),
    withConversation: byConversation.find((r) => r.key === 'with') ?? empty('with'),
    withoutConversation: byConversation.find((r) => r.key === 'without') ?? empty('without'),
    lostReasons,
    followUpDiscipline: { due: d.due, onTime: d.onTime, share: d.due > 0 ? d.onTime / d.due : null },
    approvals: await approvalStats(ctx.db, { from: q.from, to: q.to, ownerId: q.ownerId, segment: q.segment }),
  }
}
