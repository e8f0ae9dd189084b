// The lead report (issue 19, docs/leads.md "Lead report"): the leads that arrived in a period by source and by
// campaign — how many were converted, how many of those got an offer and a won offer after the conversion, the order
// rate of those offers by lead source — the time to first contact (median) and the rejection reasons. It reads what
// this laptop holds: every lead (organisation-wide rows) and the offers of the companies it sees.
import { sql } from 'kysely'
import { decidedOffer } from '../../../../db/modules/offers'
import {
  firstContactDue, funnelRow, median, sumFunnel,
  type LeadFunnelCounts, type LeadRejectReason, type LeadReport,
} from '../../../../shared/modules/leads'
import { berlinDayStart } from '../../../../shared/platform/berlin-time'
import { addCalendarDays } from '../../../../shared/platform/calendar/calendar-days'
import type { ServiceContext } from '../../platform/context'
import { leadTargets } from './leads.service'


export async function leadReport(ctx: ServiceContext, range: { from: string; to: string }): Promise<LeadReport> {
  const { threshold, responseDays } = await leadTargets(ctx)
  const start = berlinDayStart(range.from)
  const end = berlinDayStart(addCalendarDays(range.to, 1))
  const inPeriod = sql`l.deleted_at is null and l.received_at >= ${start} and l.received_at < ${end}`
  // Read in source and campaign order (the covering index leads_by_source), so grouping sorts nothing; the period is
  // a filter on the index. Read in arrival order, grouping sorted every lead of two years (twice the time).
  const groups = sql<Pick<LeadFunnelCounts, 'source' | 'campaign' | 'leads' | 'marketing' | 'open' | 'converted' | 'rejected'>>`
    select l.source, l.campaign, count(*) as leads,
      sum(l.status = 'new' and l.score < ${threshold}) as marketing,
      sum(l.status = 'new' and l.score >= ${threshold}) as open,
      sum(l.status = 'converted') as converted,
      sum(l.status = 'rejected') as rejected
    from leads l indexed by leads_by_source
    where ${inPeriod}
    group by l.source, l.campaign
    order by l.source, l.campaign`.execute(ctx.db)
  // Each converted lead's live offers made at or after its conversion, looked up by company and creation time without
  // touching an offer row (offers_company_created), in one lookup per lead: its offers, won and decided ones packed
  // into one integer (n + won·2²⁰ + decided·2⁴⁰; a company would need a million offers since the conversion to
  // overflow a field), unpacked per group. Four lookups per lead (one per figure) took twice as long.
  const offers = sql<Pick<LeadFunnelCounts, 'source' | 'campaign' | 'withOffer' | 'withWon' | 'decidedOffers' | 'wonOffers'>>`
    with per_lead as materialized (
      select l.source, l.campaign, (
        select count(*) + (coalesce(sum(o.status = 'won'), 0) << 20) + (coalesce(sum(${decidedOffer('o')}), 0) << 40)
        from offers o indexed by offers_company_created
        where o.company_id = l.converted_company_id and o.deleted_at is null and o.created_at >= l.decided_at
      ) as x
      from leads l indexed by leads_by_source
      where ${inPeriod} and l.status = 'converted'
    )
    select source, campaign, sum(x > 0) as "withOffer", sum(((x >> 20) & 1048575) > 0) as "withWon",
      sum(x >> 40) as "decidedOffers", sum((x >> 20) & 1048575) as "wonOffers"
    from per_lead
    group by source, campaign`.execute(ctx.db)

  // First contact: the target depends on the arrival's German day only, so each day of the period is one range of
  // arrivals with one due instant, and the database counts the decided leads within it: a day at a time (the arrival
  // index), the hours to the decision as one list. Fetching each decided lead as a row cost three times as much.
  const days: Array<[string, string, string]> = []
  let dayStart = start
  for (let day = range.from; day <= range.to; day = addCalendarDays(day, 1)) {
    const next = berlinDayStart(addCalendarDays(day, 1))
    days.push([dayStart, next, firstContactDue(dayStart, responseDays)])
    dayStart = next
  }
  const firstContact = sql<{ decided: number; within: number | null; ms: string | null }>`
    select count(*) as decided, sum(l.decided_at < json_extract(d.value, '$[2]')) as within,
      group_concat(cast(round((julianday(l.decided_at) - julianday(l.received_at)) * 86400000) as integer)) as ms
    from json_each(${JSON.stringify(days)}) d cross join leads l indexed by leads_report
    where l.deleted_at is null and l.received_at >= json_extract(d.value, '$[0]') and l.received_at < json_extract(d.value, '$[1]')
      and l.status in ('converted', 'rejected') and l.decided_at is not null`.execute(ctx.db)

  const reasonRows = ctx.db.selectFrom('leads').select(['reject_reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null).where('received_at', '>=', start).where('received_at', '<', end)
    .where('status', '=', 'rejected').where('reject_reason', 'is not', null).groupBy('reject_reason').execute()

  const [grouped, withOffers, contact, reasons] = await Promise.all([groups, offers, firstContact, reasonRows])
  const offersOf = new Map(withOffers.rows.map((r) => [`${r.source}\u0000${r.campaign}`, r]))
  const counts: LeadFunnelCounts[] = grouped.rows.map((g) => {
    const o = offersOf.get(`${g.source}\u0000${g.campaign}`)
    return {
      source: g.source, campaign: g.campaign, leads: Number(g.leads), marketing: Number(g.marketing), open: Number(g.open), converted: Number(g.converted),
      rejected: Number(g.rejected), withOffer: Number(o?.withOffer ?? 0), withWon: Number(o?.withWon ?? 0),
      decidedOffers: Number(o?.decidedOffers ?? 0), wonOffers: Number(o?.wonOffers ?? 0),
    }
  })
  const sources = [...new Set(counts.map((c) => c.source))]
  const bySource = sources.map((source) => funnelRow(sumFunnel(counts.filter((c) => c.source === source), source)))
  const c = contact.rows[0]
  const hours = c?.ms ? c.ms.split(',').map((ms) => Math.max(0, Number(ms)) / 3_600_000) : []

  return {
    from: range.from, to: range.to, threshold,
    total: funnelRow(sumFunnel(counts, '')),
    bySource,
    byCampaign: counts.map(funnelRow),
    firstContact: { decided: Number(c?.decided ?? 0), medianHours: median(hours), withinTarget: Number(c?.within ?? 0), targetBusinessDays: responseDays },
    rejectReasons: reasons.map((r) => ({ reason: r.reject_reason as LeadRejectReason, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  }
}
