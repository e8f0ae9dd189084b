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
import { berlinDay, berlinDayStart } from '../../../../shared/platform/berlin-time'
import { addCalendarDays } from '../../../../shared/platform/calendar/calendar-days'
import type { ServiceContext } from '../../platform/context'
import { leadTargets } from './leads.service'


export async function leadReport(ctx: ServiceContext, range: { from: string; to: string }): Promise<LeadReport> {
  const { threshold, responseDays } = await leadTargets(ctx)
  const start = berlinDayStart(range.from)
  const end = berlinDayStart(addCalendarDays(range.to, 1))
  const inPeriod = sql`l.deleted_at is null and l.received_at >= ${start} and l.received_at < ${end}`
  // Three reads, none of which touches a lead's row (the covering index leads_report, which carries the scoring
  // history's table row out of the way): the period's leads counted per source and campaign; only the converted
  // leads that got an offer, joined to their company's live offers made at or after the conversion; the decided
  // leads' times and reasons. Counting all leads per lead before grouping (one temporary b-tree over every lead of
  // two years) cost twice as much on the large set.
  const [groups, withOffers, decided] = await Promise.all([
    sql<Pick<LeadFunnelCounts, 'source' | 'campaign' | 'leads' | 'marketing' | 'open' | 'converted' | 'rejected'>>`
      select l.source, l.campaign, count(*) as leads,
        sum(l.status = 'new' and l.score < ${threshold}) as marketing,
        sum(l.status = 'new' and l.score >= ${threshold}) as open,
        sum(l.status = 'converted') as converted,
        sum(l.status = 'rejected') as rejected
      from leads l indexed by leads_report
      where ${inPeriod}
      group by l.source, l.campaign`.execute(ctx.db),
    sql<Pick<LeadFunnelCounts, 'source' | 'campaign' | 'withOffer' | 'withWon' | 'decidedOffers' | 'wonOffers'>>`
      select source, campaign, count(*) as "withOffer", sum(won > 0) as "withWon", sum(decided) as "decidedOffers", sum(won) as "wonOffers"
      from (
        select l.source, l.campaign, sum(o.status = 'won') as won, sum(${decidedOffer('o')}) as decided
        from leads l indexed by leads_report
        join offers o on o.company_id = l.converted_company_id and o.deleted_at is null and o.created_at >= l.decided_at
        where ${inPeriod} and l.status = 'converted'
        group by l.local_seq
      ) x
      group by source, campaign`.execute(ctx.db),
    // In arrival order, so the target (which depends on the arrival's German day only) is worked out once per day.
    sql<{ received_at: string; decided_at: string | null; status: string; reject_reason: string | null }>`
      select l.received_at, l.decided_at, l.status, l.reject_reason
      from leads l indexed by leads_report
      where ${inPeriod} and l.status in ('converted', 'rejected')
      order by l.received_at`.execute(ctx.db),
  ])
  const offersOf = new Map(withOffers.rows.map((r) => [`${r.source}\u0000${r.campaign}`, r]))
  const counts: LeadFunnelCounts[] = groups.rows.map((g) => {
    const o = offersOf.get(`${g.source}\u0000${g.campaign}`)
    return {
      source: g.source, campaign: g.campaign, leads: Number(g.leads), marketing: Number(g.marketing), open: Number(g.open), converted: Number(g.converted),
      rejected: Number(g.rejected), withOffer: Number(o?.withOffer ?? 0), withWon: Number(o?.withWon ?? 0),
      decidedOffers: Number(o?.decidedOffers ?? 0), wonOffers: Number(o?.wonOffers ?? 0),
    }
  }).sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.campaign < b.campaign ? -1 : a.campaign > b.campaign ? 1 : 0))
  const sources = [...new Set(counts.map((c) => c.source))]
  const bySource = sources.map((source) => funnelRow(sumFunnel(counts.filter((c) => c.source === source), source)))

  const hours: number[] = []
  const reasonCounts = new Map<string, number>()
  let withinTarget = 0
  let dayEnd = ''
  let due = ''
  for (const d of decided.rows) {
    if (d.status === 'rejected' && d.reject_reason) reasonCounts.set(d.reject_reason, (reasonCounts.get(d.reject_reason) ?? 0) + 1)
    if (!d.decided_at) continue
    if (d.received_at >= dayEnd) {
      const day = berlinDay(d.received_at)
      dayEnd = berlinDayStart(addCalendarDays(day, 1))
      due = firstContactDue(d.received_at, responseDays)
    }
    hours.push(Math.max(0, Date.parse(d.decided_at) - Date.parse(d.received_at)) / 3_600_000)
    if (d.decided_at < due) withinTarget++
  }
  const reasons = [...reasonCounts].map(([reject_reason, n]) => ({ reject_reason, n }))

  return {
    from: range.from, to: range.to, threshold,
    total: funnelRow(sumFunnel(counts, '')),
    bySource,
    byCampaign: counts.map(funnelRow),
    firstContact: { decided: hours.length, medianHours: median(hours), withinTarget, targetBusinessDays: responseDays },
    rejectReasons: reasons.map((r) => ({ reason: r.reject_reason as LeadRejectReason, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  }
}
