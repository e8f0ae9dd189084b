// The visit briefing's records of one customer: open offers with their next follow-up, running contracts with
// the next cancel-by date, open cases with their service level, the last scores, the unanswered worries of the
// last conversation, promises and the last touchpoints. Each is a query on one company's index (the business
// predicates of the owning modules), so a briefing costs the same on a large database as on a small one.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { renewingContract, runningContract } from '../../../../db/modules/contracts'
import { decidedOffer, openOffer } from '../../../../db/modules/offers'
import { openCase } from '../../../../db/modules/service'
import type { FeedbackKind } from '../../../../shared/modules/service'
import { isOverdueCase } from '../../../../shared/modules/service'
import type {
  BriefingCase, BriefingContract, BriefingOffer, BriefingPromise, BriefingScore, BriefingSatisfaction, BriefingTouchpoint, BriefingWorries,
} from '../../../../shared/modules/planning/briefing.schema'
import type { ServiceContext } from '../../platform/context'
import { listTouchpoints } from '../customers'
import { listPromises } from '../offers'

type Db = Kysely<Database>

/** Open offers (sent, in negotiation), newest first, each with its next open follow-up. */
export async function briefingOffers(db: Db, companyId: string): Promise<BriefingOffer[]> {
  const offers = await db.selectFrom('offers as o').select(['o.id', 'o.number', 'o.status', 'o.offer_date', 'o.valid_until', 'o.net_cents', 'o.gross_cents'])
    .where('o.company_id', '=', companyId).where('o.deleted_at', 'is', null).where(openOffer('o'))
    .orderBy('o.offer_date', 'desc').orderBy('o.id').limit(50).execute()
  if (offers.length === 0) return []
  const followUps = await db.selectFrom('follow_ups').select(['offer_id', 'due_date', 'kind'])
    .where('offer_id', 'in', offers.map((o) => o.id)).where('deleted_at', 'is', null).where('status', '=', 'open')
    .orderBy('due_date').execute()
  const next = new Map<string, (typeof followUps)[number]>()
  for (const f of followUps) if (!next.has(f.offer_id)) next.set(f.offer_id, f)
  return offers.map((o) => {
    const f = next.get(o.id)
    return {
      id: o.id, number: o.number, status: o.status, offerDate: o.offer_date, validUntil: o.valid_until, netCents: o.net_cents, grossCents: o.gross_cents,
      nextFollowUp: f ? { dueDate: f.due_date, kind: f.kind } : null,
    }
  })
}

/** Running contracts; a renewing one's cancel-by date while it is still ahead. By cancel-by date, then end of term. */
export async function briefingContracts(db: Db, companyId: string, today: string): Promise<BriefingContract[]> {
  const rows = await db.selectFrom('contracts as k')
    .select(['k.id', 'k.number', 'k.title', 'k.type', 'k.status', 'k.end_date', 'k.cancel_by', 'k.annual_value_cents'])
    .select(sql<number>`case when ${renewingContract('k')} and k.cancel_by >= ${today} then 1 else 0 end`.as('ahead'))
    .where('k.company_id', '=', companyId).where('k.deleted_at', 'is', null).where(runningContract(today, 'k'))
    .orderBy('k.end_date').orderBy('k.id').limit(50).execute()
  const contracts = rows.map((k): BriefingContract => ({
    id: k.id, number: k.number, title: k.title, type: k.type, status: k.status, endDate: k.end_date,
    cancelBy: Number(k.ahead) === 1 ? k.cancel_by : null, annualValueCents: k.annual_value_cents,
  }))
  return contracts.sort((a, b) => (a.cancelBy ?? '9999').localeCompare(b.cancelBy ?? '9999') || a.endDate.localeCompare(b.endDate))
}

/** Open cases, the most urgent service-level deadline first, each with its stage and whether it is overdue at `now`. */
export async function briefingCases(db: Db, companyId: string, now: string): Promise<BriefingCase[]> {
  const rows = await db.selectFrom('cases as s')
    .select(['s.id', 's.number', 's.type', 's.subject', 's.status', 's.priority', 's.received_at', 's.acknowledge_due', 's.resolve_due', 's.sla_due'])
    .where('s.company_id', '=', companyId).where('s.deleted_at', 'is', null).where(openCase('s'))
    .orderBy('s.sla_due').orderBy('s.received_at').limit(50).execute()
  return rows.map((s) => ({
    id: s.id, number: s.number, type: s.type, subject: s.subject, status: s.status, priority: s.priority, receivedAt: s.received_at,
    acknowledgeDue: s.acknowledge_due, resolveDue: s.resolve_due, slaStage: s.status === 'new' ? 'acknowledge' : 'resolve', slaDue: s.sla_due,
    overdue: isOverdueCase({ status: s.status, slaDue: s.sla_due }, now),
  }))
}

async function lastFeedback(db: Db, companyId: string, kind: FeedbackKind): Promise<BriefingScore | null> {
  const f = await db.selectFrom('feedback').select(['score', 'given_on', 'comment'])
    .where('company_id', '=', companyId).where('deleted_at', 'is', null).where('kind', '=', kind).where('score', 'is not', null)
    .orderBy('given_on', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst()
  return f && f.score !== null ? { score: f.score, day: f.given_on, comment: f.comment } : null
}

/** The last NPS answer, the last satisfaction score and the last rating of a resolved case. */
export async function briefingSatisfaction(db: Db, companyId: string): Promise<BriefingSatisfaction> {
  const rated = await db.selectFrom('cases').select(['number', 'satisfaction', 'resolved_at', 'received_at'])
    .where('company_id', '=', companyId).where('deleted_at', 'is', null).where('satisfaction', 'is not', null)
    .orderBy(sql`coalesce(resolved_at, received_at)`, 'desc').limit(1).executeTakeFirst()
  return {
    nps: await lastFeedback(db, companyId, 'nps'),
    satisfaction: await lastFeedback(db, companyId, 'satisfaction'),
    caseRating: rated && rated.satisfaction !== null ? { score: rated.satisfaction, day: (rated.resolved_at ?? rated.received_at).slice(0, 10), comment: rated.number } : null,
  }
}

/**
 * The unanswered worries: those of the customer's last pre-offer conversation (the latest held), while no
 * offer made from it has been decided (won, lost or expired) — the customer's decision is the answer. A
 * conversation without worries leaves nothing open; an older conversation's worries were superseded by it.
 */
export async function briefingWorries(db: Db, companyId: string): Promise<BriefingWorries | null> {
  const cv = await db.selectFrom('conversations').select(['id', 'held_at', 'worries'])
    .where('company_id', '=', companyId).where('deleted_at', 'is', null)
    .orderBy('held_at', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst()
  if (!cv || !cv.worries.trim()) return null
  const offers = await db.selectFrom('offers as o').select(['o.number'])
    .select(sql<number>`${decidedOffer('o')}`.as('decided')).select(sql<number>`${openOffer('o')}`.as('open'))
    // By company first: offers have no index on their conversation, the customer's offers are few.
    .where('o.company_id', '=', companyId).where('o.conversation_id', '=', cv.id).where('o.deleted_at', 'is', null).orderBy('o.offer_date').execute()
  if (offers.some((o) => Number(o.decided) === 1)) return null
  return { conversationId: cv.id, heldAt: cv.held_at, worries: cv.worries.trim(), openOfferNumbers: offers.filter((o) => Number(o.open) === 1).map((o) => o.number) }
}

/** How many promises already kept or withdrawn a briefing still shows (the newest). */
const CLOSED_PROMISES = 5

/** Every open promise by due date (overdue marked), then the last few kept or withdrawn ones. */
export async function briefingPromises(ctx: ServiceContext, companyId: string, today: string): Promise<BriefingPromise[]> {
  const all = await listPromises(ctx, { companyId, status: 'all' })
  const open = all.filter((p) => p.status === 'open')
  const closed = all.filter((p) => p.status !== 'open')
    .sort((a, b) => (b.doneAt ?? b.changedAt ?? b.createdAt).localeCompare(a.doneAt ?? a.changedAt ?? a.createdAt)).slice(0, CLOSED_PROMISES)
  return [...open, ...closed].map((p) => ({
    id: p.id, title: p.title, dueDate: p.dueDate, status: p.status, contactName: p.contactName,
    overdue: p.status === 'open' && p.dueDate < today, changedAt: p.changedAt, doneAt: p.doneAt,
  }))
}

/** The last five touchpoints, newest first (an app event stays a key: the reader's language renders it). */
export async function briefingTouchpoints(ctx: ServiceContext, companyId: string): Promise<BriefingTouchpoint[]> {
  const page = await listTouchpoints(ctx, { search: '', companyId, channel: '', station: '', from: '', to: '', sort: 'occurredAt', dir: 'desc', offset: 0, limit: 5 })
  return page.rows.map((t) => ({
    id: t.id, occurredAt: t.occurredAt, channel: t.channel, direction: t.direction, station: t.station, contactName: t.contactName,
    messageKey: t.messageKey, messageParams: t.messageParams, summary: t.summary,
  }))
}
