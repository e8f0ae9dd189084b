// The lead report (issue 19, docs/leads.md "Lead report"): the leads that arrived in a period by source and by
// campaign — how many were converted, how many of those got an offer and a won offer after the conversion, the order
// rate of those offers by lead source — the time to first contact (median) and the rejection reasons. It reads what
// this laptop holds: every lead (organisation-wide rows) and the offers of the companies it sees.
import { sql } from 'kysely'
import { decidedOffer } from '../../../../db/modules/offers'
import {
  firstContactDue, funnelRow, LEAD_FIRST_CONTACT_BUSINESS_DAYS, median, sumFunnel,
  type LeadFunnelCounts, type LeadRejectReason, type LeadReport,
} from '../../../../shared/modules/leads'
import { berlinDay, berlinDayStart } from '../../../../shared/platform/berlin-time'
import { addCalendarDays } from '../../../../shared/platform/calendar/calendar-days'
import type { ServiceContext } from '../../platform/context'
import { leadThreshold } from './leads.service'


export async function leadReport(ctx: ServiceContext, range: { from: string; to: string }): Promise<LeadReport> {
  const threshold = await leadThreshold(ctx)
  const start = berlinDayStart(range.from)
  const end = berlinDayStart(addCalendarDays(range.to, 1))
  // One pass over the period's leads (the covering index leads_report); a converted lead joined to its company's
  // live offers made at or after the conversion (the offers' company index), counted per lead, then per group.
  const groups = await sql<LeadFunnelCounts>`
    select source, campaign, count(*) as leads,
      sum(case when status = 'new' and score < ${threshold} then 1 else 0 end) as marketing,
      sum(case when status = 'new' and score >= ${threshold} then 1 else 0 end) as open,
      sum(case when status = 'converted' then 1 else 0 end) as converted,
      sum(case when status = 'rejected' then 1 else 0 end) as rejected,
      sum(case when offers > 0 then 1 else 0 end) as "withOffer",
      sum(case when won > 0 then 1 else 0 end) as "withWon",
      sum(decided) as "decidedOffers", sum(won) as "wonOffers"
    from (
      select l.source, l.campaign, l.status, l.score, count(o.id) as offers,
        coalesce(sum(case when o.status = 'won' then 1 else 0 end), 0) as won,
        coalesce(sum(case when ${decidedOffer('o')} then 1 else 0 end), 0) as decided
      from leads l
      left join offers o on l.status = 'converted' and o.company_id = l.converted_company_id and o.deleted_at is null and o.created_at >= l.decided_at
      where l.deleted_at is null and l.received_at >= ${start} and l.received_at < ${end}
      group by l.local_seq
    ) x
    group by source, campaign
    order by source, campaign`.execute(ctx.db)
  const counts: LeadFunnelCounts[] = groups.rows.map((g) => ({
    source: g.source, campaign: g.campaign, leads: Number(g.leads), marketing: Number(g.marketing), open: Number(g.open), converted: Number(g.converted),
    rejected: Number(g.rejected), withOffer: Number(g.withOffer), withWon: Number(g.withWon), decidedOffers: Number(g.decidedOffers), wonOffers: Number(g.wonOffers),
  }))
  const sources = [...new Set(counts.map((c) => c.source))]
  const bySource = sources.map((source) => funnelRow(sumFunnel(counts.filter((c) => c.source === source), source)))

  // In arrival order, so the target (which depends on the arrival's German day only) is worked out once per day.
  const decided = await ctx.db.selectFrom('leads').select(['received_at', 'decided_at'])
    .where('deleted_at', 'is', null).where('received_at', '>=', start).where('received_at', '<', end)
    .where('status', 'in', ['converted', 'rejected']).where('decided_at', 'is not', null).orderBy('received_at').execute()
  const hours: number[] = []
  let withinTarget = 0
  let dayEnd = ''
  let due = ''
  for (const d of decided) {
    if (d.received_at >= dayEnd) {
      const day = berlinDay(d.received_at)
      dayEnd = berlinDayStart(addCalendarDays(day, 1))
      due = firstContactDue(d.received_at)
    }
    hours.push(Math.max(0, Date.parse(d.decided_at!) - Date.parse(d.received_at)) / 3_600_000)
    if (d.decided_at! < due) withinTarget++
  }

  const reasons = await ctx.db.selectFrom('leads').select(['reject_reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null).where('received_at', '>=', start).where('received_at', '<', end)
    .where('status', '=', 'rejected').where('reject_reason', 'is not', null).groupBy('reject_reason').execute()

  return {
    from: range.from, to: range.to, threshold,
    total: funnelRow(sumFunnel(counts, '')),
    bySource,
    byCampaign: counts.map(funnelRow),
    firstContact: { decided: decided.length, medianHours: median(hours), withinTarget, targetBusinessDays: LEAD_FIRST_CONTACT_BUSINESS_DAYS },
    rejectReasons: reasons.map((r) => ({ reason: r.reject_reason as LeadRejectReason, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  }
}
