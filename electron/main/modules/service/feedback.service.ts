// Feedback: NPS (0–10) and satisfaction (1–5) with a comment, per customer, contact and station;
// testimonials with permission to quote and before/after figures. A promoter raises a reminder to
// ask for a referral or a testimonial. The NPS report by period and segment.
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import { detractorScore, promoterScore } from '../../../../db/modules/service/service.predicates'
import type { Page } from '../../../../shared/platform/common.schema'
import { isPromoter, type FeedbackKind } from '../../../../shared/modules/service/service.enums'
import type { FeedbackFields } from '../../../../shared/modules/service/service.schema'
import type { Feedback, NpsReport, NpsRow } from '../../../../shared/modules/service/service.types'
import { npsOf } from '../../../../shared/modules/service/sla.rules'
import { sql } from 'kysely'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { periodOf, splitRange } from '../../platform/periods'

export async function createFeedback(ctx: ServiceContext, f: FeedbackFields): Promise<Feedback> {
  const now = nowIso(ctx)
  const id = newId()
  await ctx.db.transaction().execute(async (trx) => {
    const company = await trx.selectFrom('companies').select(['id', 'owner_id']).where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!company) throw fieldError('companyId', 'errors.companyNotFound')
    if (f.contactId) {
      const contact = await trx.selectFrom('contacts').select('company_id').where('id', '=', f.contactId).where('deleted_at', 'is', null).executeTakeFirst()
      if (contact?.company_id !== f.companyId) throw fieldError('contactId', 'errors.contactNotOfCompany')
    }
    await insertSynced(trx, 'feedback', {
      id, company_id: f.companyId, contact_id: f.contactId || null, kind: f.kind, station: f.station, given_on: f.givenOn, score: f.kind === 'testimonial' ? null : f.score,
      comment: f.comment, quote_permission: f.quotePermission ? 1 : 0, before_figure: f.beforeFigure, after_figure: f.afterFigure, owner_id: company.owner_id || ctx.userId,
      // A promoter is the moment to ask for a referral or a testimonial: on the work list today.
      ask_due: isPromoter(f.kind, f.score) ? todayOf(ctx) : null, ask_done_at: null,
    }, now)
    await refreshJourney(trx, f.companyId, now)
  })
  const [created] = await feedbackRows(ctx, { id })
  if (!created) throw new AppError('not_found', 'errors.notFound')
  return created
}

function feedbackQuery(ctx: ServiceContext, q: { id?: string; companyId?: string; kind?: FeedbackKind | '' }) {
  let query = ctx.db.selectFrom('feedback as f').where('f.deleted_at', 'is', null)
  if (q.id) query = query.where('f.id', '=', q.id)
  if (q.companyId) query = query.where('f.company_id', '=', q.companyId)
  if (q.kind) query = query.where('f.kind', '=', q.kind)
  return query
}

async function feedbackRows(ctx: ServiceContext, q: { id?: string; companyId?: string; kind?: FeedbackKind | '' }, offset = 0, limit = 500): Promise<Feedback[]> {
  const rows = await feedbackQuery(ctx, q).innerJoin('companies as c', 'c.id', 'f.company_id').leftJoin('contacts as k', 'k.id', 'f.contact_id')
    .selectAll('f').select(['c.name as company_name', 'k.first_name', 'k.last_name'])
    .orderBy('f.given_on', 'desc').orderBy('f.id').offset(offset).limit(limit).execute()
  return rows.map((f) => ({
    id: f.id, companyId: f.company_id, companyName: f.company_name, contactId: f.contact_id ?? '', contactName: `${f.first_name ?? ''} ${f.last_name ?? ''}`.trim(),
    kind: f.kind, station: f.station, givenOn: f.given_on, score: f.score, comment: f.comment, quotePermission: f.quote_permission === 1,
    beforeFigure: f.before_figure, afterFigure: f.after_figure, askDue: f.ask_done_at ? null : f.ask_due,
  }))
}

/** Feedback of a company, or of a kind, newest first; filtered and counted in the query. */
export async function listFeedback(ctx: ServiceContext, q: { companyId: string; kind: FeedbackKind | ''; offset: number; limit: number }): Promise<Page<Feedback>> {
  const total = Number((await feedbackQuery(ctx, q).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  return { total, offset: q.offset, rows: await feedbackRows(ctx, q, q.offset, q.limit) }
}

interface Counts {
  key: string
  answers: number
  promoters: number
  detractors: number
}
const emptyCounts = (key: string): Counts => ({ key, answers: 0, promoters: 0, detractors: 0 })

function toRow(c: Counts): NpsRow {
  return { ...c, passives: c.answers - c.promoters - c.detractors, nps: npsOf(c.promoters, c.detractors, c.answers) }
}

/** NPS answers of one month and segment. */
interface NpsGroup {
  month: string
  segment: string
  answers: number
  promoters: number
  detractors: number
}

/**
 * NPS answers per month and segment, and the satisfaction scores' sum and count, in [from, to]: whole months from the
 * trigger-kept roll-up (feedback_stats, migration 035), the partial months at the edges from feedback (the NPS index).
 */
async function npsGroups(ctx: ServiceContext, from: string, to: string): Promise<{ groups: NpsGroup[]; satisfaction: { sum: number; n: number } }> {
  const { months, days } = splitRange(from, to)
  const groups: NpsGroup[] = []
  const satisfaction = { sum: 0, n: 0 }
  if (months) {
    const stats = await ctx.db.selectFrom('feedback_stats')
      .select((eb) => ['month', 'kind', 'segment', eb.fn.sum<number>('answers').as('answers'), eb.fn.sum<number>('promoters').as('promoters'),
        eb.fn.sum<number>('detractors').as('detractors'), eb.fn.sum<number>('score_sum').as('score_sum')])
      .where('month', '>=', months[0]).where('month', '<=', months[1]).groupBy(['month', 'kind', 'segment']).having((eb) => eb.fn.sum('answers'), '<>', 0).execute()
    for (const g of stats) {
      if (g.kind === 'nps') groups.push({ month: g.month, segment: g.segment, answers: Number(g.answers), promoters: Number(g.promoters), detractors: Number(g.detractors) })
      else if (g.kind === 'satisfaction') {
        satisfaction.sum += Number(g.score_sum)
        satisfaction.n += Number(g.answers)
      }
    }
  }
  for (const [fromDay, toDay] of days) {
    // Counted in SQL per month and segment, in one pass over the NPS index.
    groups.push(...await ctx.db.selectFrom('feedback as f').innerJoin('companies as c', 'c.id', 'f.company_id')
      .select((eb) => [
        sql<string>`substr(f.given_on, 1, 7)`.as('month'), 'c.segment',
        eb.fn.countAll<number>().as('answers'), sql<number>`sum(${promoterScore('f')})`.as('promoters'), sql<number>`sum(${detractorScore('f')})`.as('detractors'),
      ])
      .where('f.kind', '=', 'nps').where('f.deleted_at', 'is', null).where('c.deleted_at', 'is', null).where('f.given_on', '>=', fromDay).where('f.given_on', '<=', toDay).where('f.score', 'is not', null)
      .groupBy([sql`substr(f.given_on, 1, 7)`, 'c.segment']).execute())
    const scores = await ctx.db.selectFrom('feedback').select((eb) => [eb.fn.sum<number>('score').as('sum'), eb.fn.count<number>('score').as('n')])
      .where('kind', '=', 'satisfaction').where('deleted_at', 'is', null).where('given_on', '>=', fromDay).where('given_on', '<=', toDay).executeTakeFirst()
    satisfaction.sum += Number(scores?.sum ?? 0)
    satisfaction.n += Number(scores?.n ?? 0)
  }
  // In month and segment order, as one grouped query over the range returned them (segments of equal answers keep that order).
  groups.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0))
  return { groups, satisfaction }
}

/** NPS per period and segment, the average satisfaction, and the testimonials that may be quoted. */
export async function npsReport(ctx: ServiceContext, q: { from: string; to: string; period: 'month' | 'quarter' | 'year' }): Promise<NpsReport> {
  // Folded into periods here from per-month groups: whole months read from the roll-up, the edges from feedback.
  const { groups, satisfaction } = await npsGroups(ctx, q.from, q.to)
  const total = emptyCounts('total')
  const byPeriod = new Map<string, Counts>()
  const bySegment = new Map<string, Counts>()
  for (const g of groups) {
    const period = periodOf(g.month, q.period)
    for (const counts of [total, byPeriod.get(period) ?? byPeriod.set(period, emptyCounts(period)).get(period)!, bySegment.get(g.segment) ?? bySegment.set(g.segment, emptyCounts(g.segment)).get(g.segment)!]) {
      counts.answers += Number(g.answers)
      counts.promoters += Number(g.promoters)
      counts.detractors += Number(g.detractors)
    }
  }
  const testimonials = await ctx.db.selectFrom('feedback as f').innerJoin('companies as c', 'c.id', 'f.company_id').leftJoin('contacts as k', 'k.id', 'f.contact_id')
    .select(['f.id', 'c.name', 'k.first_name', 'k.last_name', 'f.comment', 'f.before_figure', 'f.after_figure', 'f.given_on'])
    .where('f.kind', '=', 'testimonial').where('f.quote_permission', '=', 1).where('f.deleted_at', 'is', null).orderBy('f.given_on', 'desc').limit(20).execute()
  return {
    total: toRow(total),
    byPeriod: [...byPeriod.values()].map(toRow).sort((a, b) => a.key.localeCompare(b.key)),
    bySegment: [...bySegment.values()].map(toRow).sort((a, b) => b.answers - a.answers),
    // The mean of the scores (SQLite's avg: their sum over their count), to one decimal.
    satisfactionAverage: satisfaction.n === 0 ? null : Math.round((satisfaction.sum / satisfaction.n) * 10) / 10,
    testimonials: testimonials.map((t) => ({
      id: t.id, companyName: t.name, contactName: `${t.first_name ?? ''} ${t.last_name ?? ''}`.trim(), comment: t.comment, beforeFigure: t.before_figure, afterFigure: t.after_figure, givenOn: t.given_on,
    })),
  }
}
