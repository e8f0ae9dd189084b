// Feedback: NPS (0–10) and satisfaction (1–5) with a comment, per customer, contact and station;
// testimonials with permission to quote and before/after figures. A promoter raises a reminder to
// ask for a referral or a testimonial. The NPS report by period and segment.
import { newId } from '../../../db/ids'
import { insertSynced } from '../../../db/sync/synced-writes'
import type { Page } from '../../../shared/domain/common.schema'
import type { Station } from '../../../shared/domain/journey/journey.stations'
import type { FeedbackKind } from '../../../shared/domain/service/service.enums'
import type { FeedbackFields } from '../../../shared/domain/service/service.schema'
import type { Feedback, NpsReport, NpsRow } from '../../../shared/domain/service/service.types'
import { netPromoterScore } from '../../../shared/domain/service/sla.rules'
import { AppError, fieldError } from '../../../shared/ipc/result'
import { nowIso, type ServiceContext } from './context'
import { refreshJourney } from './journey.service'
import { periodOf } from './order-rate.service'

export const isPromoter = (kind: string, score: number | null) => kind === 'nps' && score !== null && score >= 9

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
      ask_due: isPromoter(f.kind, f.score) ? ctx.clock().toISOString().slice(0, 10) : null, ask_done_at: null,
    }, now)
    await refreshJourney(trx, f.companyId, now)
  })
  const [created] = await feedbackWhere(ctx, 'id', id)
  if (!created) throw new AppError('not_found', 'errors.notFound')
  return created
}

async function feedbackWhere(ctx: ServiceContext, column: 'id' | 'company_id' | 'kind', value: string, offset = 0, limit = 500): Promise<Feedback[]> {
  const rows = await ctx.db.selectFrom('feedback as f').innerJoin('companies as c', 'c.id', 'f.company_id').leftJoin('contacts as k', 'k.id', 'f.contact_id')
    .selectAll('f').select(['c.name as company_name', 'k.first_name', 'k.last_name'])
    .where(`f.${column}`, '=', value).where('f.deleted_at', 'is', null).orderBy('f.given_on', 'desc').orderBy('f.id').offset(offset).limit(limit).execute()
  return rows.map((f) => ({
    id: f.id, companyId: f.company_id, companyName: f.company_name, contactId: f.contact_id ?? '', contactName: `${f.first_name ?? ''} ${f.last_name ?? ''}`.trim(),
    kind: f.kind as FeedbackKind, station: f.station as Station | '', givenOn: f.given_on, score: f.score, comment: f.comment, quotePermission: f.quote_permission === 1,
    beforeFigure: f.before_figure, afterFigure: f.after_figure, askDue: f.ask_done_at ? null : f.ask_due,
  }))
}

export async function listFeedback(ctx: ServiceContext, q: { companyId: string; kind: string; offset: number; limit: number }): Promise<Page<Feedback>> {
  const rows = q.companyId ? await feedbackWhere(ctx, 'company_id', q.companyId, q.offset, q.limit) : await feedbackWhere(ctx, 'kind', q.kind || 'nps', q.offset, q.limit)
  const filtered = q.companyId && q.kind ? rows.filter((r) => r.kind === q.kind) : rows
  return { total: filtered.length, offset: q.offset, rows: filtered }
}

function row(key: string, scores: number[]): NpsRow {
  const n = netPromoterScore(scores)
  return { key, answers: scores.length, promoters: n.promoters, passives: n.passives, detractors: n.detractors, nps: n.nps }
}

/** NPS per period and segment, the average satisfaction, and the testimonials that may be quoted. */
export async function npsReport(ctx: ServiceContext, q: { from: string; to: string; period: 'month' | 'quarter' | 'year' }): Promise<NpsReport> {
  const answers = await ctx.db.selectFrom('feedback as f').innerJoin('companies as c', 'c.id', 'f.company_id')
    .select(['f.given_on', 'f.score', 'c.segment']).where('f.kind', '=', 'nps').where('f.deleted_at', 'is', null)
    .where('f.given_on', '>=', q.from).where('f.given_on', '<=', q.to).where('f.score', 'is not', null).execute()
  const byPeriod = new Map<string, number[]>()
  const bySegment = new Map<string, number[]>()
  for (const a of answers) {
    const p = periodOf(a.given_on.slice(0, 7), q.period)
    byPeriod.set(p, [...(byPeriod.get(p) ?? []), a.score!])
    bySegment.set(a.segment, [...(bySegment.get(a.segment) ?? []), a.score!])
  }
  const satisfaction = await ctx.db.selectFrom('feedback').select((eb) => eb.fn.avg<number>('score').as('avg')).where('kind', '=', 'satisfaction').where('deleted_at', 'is', null)
    .where('given_on', '>=', q.from).where('given_on', '<=', q.to).executeTakeFirst()
  const testimonials = await ctx.db.selectFrom('feedback as f').innerJoin('companies as c', 'c.id', 'f.company_id').leftJoin('contacts as k', 'k.id', 'f.contact_id')
    .select(['f.id', 'c.name', 'k.first_name', 'k.last_name', 'f.comment', 'f.before_figure', 'f.after_figure', 'f.given_on'])
    .where('f.kind', '=', 'testimonial').where('f.quote_permission', '=', 1).where('f.deleted_at', 'is', null).orderBy('f.given_on', 'desc').limit(20).execute()
  return {
    total: row('total', answers.map((a) => a.score!)),
    byPeriod: [...byPeriod.entries()].map(([k, s]) => row(k, s)).sort((a, b) => a.key.localeCompare(b.key)),
    bySegment: [...bySegment.entries()].map(([k, s]) => row(k, s)).sort((a, b) => b.answers - a.answers),
    satisfactionAverage: satisfaction?.avg === null || satisfaction?.avg === undefined ? null : Math.round(Number(satisfaction.avg) * 10) / 10,
    testimonials: testimonials.map((t) => ({
      id: t.id, companyName: t.name, contactName: `${t.first_name ?? ''} ${t.last_name ?? ''}`.trim(), comment: t.comment, beforeFigure: t.before_figure, afterFigure: t.after_figure, givenOn: t.given_on,
    })),
  }
}
