// Handed-over leads on the work list by their response-time target (issue 19, docs/leads.md "Response-time
// target"): a new lead at or above the threshold is due for its first contact (its conversion or rejection) by the
// end of the team's n-th German business day after it arrived (firstContactDueDay; `leadRules.responseDays`, default
// one); past that day it is overdue. Shown to inside sales, managers
// and admins (and on a device never connected); field sales and service do not work the inbox. The entry is worked
// in the lead inbox: it cannot be completed or snoozed on the list, and it leaves the list once the lead is decided.
import { sql } from 'kysely'
import { signedInRole } from '../../../../db/platform/rights-guard'
import {
  arrivalsDueBy, firstContactDueDay, type LeadOverdueItem,
} from '../../../../shared/modules/leads'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import { addCalendarDays } from '../../../../shared/platform/calendar/calendar-days'
import type { DueCountQuery, DueCounts, DueListQuery, DueRange } from '../../../../shared/platform/due-range'
import { messageRef } from '../../../../shared/platform/event-message'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'
import { leadTargets } from './leads.service'

/** The roles that work the lead inbox and so see its overdue leads. */
const LEAD_WORKERS: readonly string[] = ['inside_sales', 'manager', 'admin']

/** Open handed-over leads due in the range; null when the user does not work leads. */
async function dueLeads(ctx: ServiceContext, q: DueRange) {
  const role = await signedInRole(ctx.db)
  if (role !== null && !LEAD_WORKERS.includes(role)) return null
  const { threshold, responseDays: days } = await leadTargets(ctx)
  let query = ctx.db.selectFrom('leads').where('status', '=', 'new').where('deleted_at', 'is', null).where('score', '>=', threshold)
    .where('received_at', '<', arrivalsDueBy(q.to, days))
  if (q.from) query = query.where('received_at', '>=', arrivalsDueBy(addCalendarDays(q.from, -1), days))
  return { query, days }
}

export async function dueLeadCounts(ctx: ServiceContext, q: DueCountQuery): Promise<DueCounts> {
  const due = await dueLeads(ctx, q)
  if (!due) return { overdue: 0, dueToday: 0, upcoming: 0 }
  const { query, days } = due
  // Due before today = arrived before the arrivals due by yesterday end; due today = before those due by today.
  const overdueBefore = arrivalsDueBy(addCalendarDays(q.today, -1), days)
  const todayBefore = arrivalsDueBy(q.today, days)
  const row = await query.select([
    sql<number | null>`sum(case when received_at < ${overdueBefore} then 1 else 0 end)`.as('overdue'),
    sql<number | null>`sum(case when received_at >= ${overdueBefore} and received_at < ${todayBefore} then 1 else 0 end)`.as('due_today'),
    sql<number | null>`sum(case when received_at >= ${todayBefore} then 1 else 0 end)`.as('upcoming'),
  ]).executeTakeFirst()
  return { overdue: Number(row?.overdue ?? 0), dueToday: Number(row?.due_today ?? 0), upcoming: Number(row?.upcoming ?? 0) }
}

/**
 * The first `limit` entries by due day, the highest score first within a day. Arrivals sharing a due day are one
 * range of arrival times, so the list reads one due day after the other (jumping over days without leads).
 */
export async function dueLeadItems(ctx: ServiceContext, q: DueListQuery): Promise<LeadOverdueItem[]> {
  const due = await dueLeads(ctx, q)
  if (!due) return []
  const { query, days } = due
  const rows: Array<{ id: string; first_name: string; last_name: string; company_name: string; email: string | null; phone: string | null; score: number; source: string; received_at: string }> = []
  let from: string | null = null
  while (rows.length < q.limit) {
    const next: { first: string | null } | undefined = await (from === null ? query : query.where('received_at', '>=', from))
      .select(sql<string | null>`min(received_at)`.as('first')).executeTakeFirst()
    if (!next?.first) break
    const end = arrivalsDueBy(firstContactDueDay(next.first, days), days)
    rows.push(...await query.where('received_at', '>=', next.first).where('received_at', '<', end)
      .select(['id', 'first_name', 'last_name', 'company_name', 'email', 'phone', 'score', 'source', 'received_at'])
      .orderBy('score', 'desc').orderBy('received_at').orderBy('id').limit(q.limit - rows.length).execute())
    from = end
  }
  return rows.map((r): LeadOverdueItem => {
    const person = [r.first_name, r.last_name].filter(Boolean).join(' ')
    const detail = messageRef('lead.workListDetail', { score: r.score, source: r.source, received: berlinDay(r.received_at) })
    return {
      source: 'lead', kind: 'leadOverdue', id: r.id, score: r.score, receivedAt: r.received_at,
      companyId: '', companyName: r.company_name, contactName: person, contactPhone: r.phone ?? r.email ?? '', ownerId: '', ownerName: '',
      dueDate: firstContactDueDay(r.received_at, days),
      view: {
        label: messageRef('lead.workList', { person, company: r.company_name }),
        subject: { badge: messageRef('lead.workListBadge', {}) },
        detail,
        calendarTitle: messageRef('lead.calendar', { company: r.company_name }),
        calendarDetail: detail,
        valueCents: r.score,
      },
    }
  })
}

const decideInInbox = (): never => {
  throw new AppError('conflict', 'errors.leadDecideInInbox')
}

export const leadWorkListSource = {
  source: 'lead',
  list: dueLeadItems,
  count: dueLeadCounts,
  complete: decideInInbox,
  snooze: decideInInbox,
} as const
