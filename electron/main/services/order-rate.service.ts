// The offer KPIs of the source documents: order rate (by count and value), lost reasons (Pareto),
// with vs. without a pre-offer conversation, and follow-up discipline.
import { sql, type RawBuilder } from 'kysely'
import type { OrderRateReport, OrderRateRow } from '../../../shared/domain/offers/offer.types'
import type { ServiceContext } from './context'

interface Query {
  from: string
  to: string
  period: 'month' | 'quarter' | 'year'
  ownerId: string
  segment: string
}

const PERIOD: Record<Query['period'], RawBuilder<string>> = {
  month: sql<string>`substr(o.closed_at, 1, 7)`,
  quarter: sql<string>`substr(o.closed_at, 1, 4) || '-Q' || ((cast(substr(o.closed_at, 6, 2) as integer) + 2) / 3)`,
  year: sql<string>`substr(o.closed_at, 1, 4)`,
}

type Agg = { key: string | null; won: number; lost: number; won_value: number; decided_value: number }

const row = (a: Agg): OrderRateRow => {
  const decided = Number(a.won) + Number(a.lost)
  const decidedValue = Number(a.decided_value)
  return {
    key: a.key ?? '',
    decided,
    won: Number(a.won),
    lost: Number(a.lost),
    wonValueCents: Number(a.won_value),
    decidedValueCents: decidedValue,
    rateByCount: decided > 0 ? Number(a.won) / decided : null,
    rateByValue: decidedValue > 0 ? Number(a.won_value) / decidedValue : null,
  }
}

export async function orderRateReport(ctx: ServiceContext, q: Query): Promise<OrderRateReport> {
  // Decided offers: won, lost or expired (an offer nobody answered is not an order), by decision date.
  const scope = sql`o.deleted_at is null and o.closed_at is not null and o.closed_at >= ${q.from} and o.closed_at < ${`${q.to}T99`}
    and o.status in ('won', 'lost', 'expired')
    ${q.ownerId ? sql`and o.owner_id = ${q.ownerId}` : sql``}
    ${q.segment ? sql`and c.segment = ${q.segment}` : sql``}`
  const aggregate = (key: RawBuilder<string | null>) => sql<Agg>`
    select ${key} as key,
      sum(o.status = 'won') as won,
      sum(o.status <> 'won') as lost,
      coalesce(sum(case when o.status = 'won' then coalesce(o.order_value_cents, o.gross_cents) end), 0) as won_value,
      coalesce(sum(case when o.status = 'won' then coalesce(o.order_value_cents, o.gross_cents) else o.gross_cents end), 0) as decided_value
    from offers o join companies c on c.id = o.company_id left join users u on u.id = o.owner_id
    where ${scope}
    group by 1 order by 1`
  const [total, byPeriod, byOwner, bySegment, byConversation, reasons] = await Promise.all([
    aggregate(sql<string>`'total'`).execute(ctx.db),
    aggregate(PERIOD[q.period]).execute(ctx.db),
    aggregate(sql<string>`coalesce(u.display_name, o.owner_id)`).execute(ctx.db),
    aggregate(sql<string>`c.segment`).execute(ctx.db),
    aggregate(sql<string>`case when o.conversation_id is null then 'without' else 'with' end`).execute(ctx.db),
    sql<{ reason: string; n: number; value: number }>`
      select case when o.status = 'expired' then 'expired' else o.lost_reason end as reason, count(*) as n, coalesce(sum(o.gross_cents), 0) as value
      from offers o join companies c on c.id = o.company_id
      where ${scope} and o.status in ('lost', 'expired')
      group by 1 order by n desc, reason`.execute(ctx.db),
  ])
  const empty: Agg = { key: '', won: 0, lost: 0, won_value: 0, decided_value: 0 }
  const lostTotal = reasons.rows.reduce((sum, r) => sum + Number(r.n), 0)
  let running = 0
  const lostReasons = reasons.rows.map((r) => {
    running += Number(r.n)
    return { reason: r.reason, count: Number(r.n), valueCents: Number(r.value), cumulativeShare: lostTotal > 0 ? running / lostTotal : 0 }
  })

  // Follow-up discipline: of the offers sent in the period whose first follow-up is due by today,
  // how many had it done on or before the planned day.
  const today = ctx.clock().toISOString().slice(0, 10)
  const discipline = await sql<{ due: number; on_time: number }>`
    select count(*) as due, coalesce(sum(f.status = 'done' and substr(f.done_at, 1, 10) <= f.planned_date), 0) as on_time
    from follow_ups f join offers o on o.id = f.offer_id join companies c on c.id = o.company_id
    where f.deleted_at is null and f.kind = 'after_first' and f.planned_date <= ${today} and f.status <> 'cancelled'
      and o.deleted_at is null and o.sent_at >= ${q.from} and o.sent_at < ${`${q.to}T99`}
      ${q.ownerId ? sql`and o.owner_id = ${q.ownerId}` : sql``}
      ${q.segment ? sql`and c.segment = ${q.segment}` : sql``}`.execute(ctx.db)
  const d = discipline.rows[0] ?? { due: 0, on_time: 0 }
  return {
    total: row(total.rows[0] ?? { ...empty, key: 'total' }),
    byPeriod: byPeriod.rows.map(row),
    byOwner: byOwner.rows.map(row),
    bySegment: bySegment.rows.map(row),
    withConversation: row(byConversation.rows.find((r) => r.key === 'with') ?? { ...empty, key: 'with' }),
    withoutConversation: row(byConversation.rows.find((r) => r.key === 'without') ?? { ...empty, key: 'without' }),
    lostReasons,
    followUpDiscipline: { due: Number(d.due), onTime: Number(d.on_time), share: Number(d.due) > 0 ? Number(d.on_time) / Number(d.due) : null },
  }
}
