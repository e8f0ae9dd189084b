// The renewal station: the pipeline of cancel-by dates, the renewal reminders on the work list,
// and the renewal rate with its churn reasons.
import { sql } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { dueCountColumns, dueWithin, toSourceCounts } from '../../../../db/platform/due-range'
import type { DueCounts, DueCountQuery, DueListQuery, DueRange } from '../../../../shared/platform/due-range'
import { insertSynced, updateSynced, type UpdatePatch } from '../../../../db/platform/synced-writes'
import { renewingContract } from '../../../../db/modules/contracts/contract.predicates'
import { addCalendarDays } from '../../../../shared/platform/calendar/german-holidays'
import { isOneOf } from '../../../../shared/platform/value-lists'
import {
  isRenewing, PIPELINE_HORIZONS, RENEWAL_REMINDER_KINDS, type ChurnReason, type RenewalReminderKind,
} from '../../../../shared/modules/contracts/contract.enums'
import type { RenewalPipeline, RenewalRateRow, RenewalReminderItem, RenewalReport } from '../../../../shared/modules/contracts/contract.types'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { eventColumns, messageRef } from '../../../../shared/platform/event-message'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { CONTRACT_LIST_COLUMNS, contractListItem } from './contract.service'
import { refreshJourney } from '../customers'
import { periodOf, splitRange } from '../../platform/periods'

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

/**
 * Contracts that renew unless someone cancels, by cancel-by date: how many and how much annual value
 * is at stake in the next 30, 90 and 180 days, and the contracts of the chosen horizon, soonest first.
 */
export async function renewalPipeline(ctx: ServiceContext, q: { days: number; ownerId: string; today?: string; offset: number; limit: number }): Promise<RenewalPipeline> {
  const today = q.today ?? todayOf(ctx)
  const horizon = (days: number) => addCalendarDays(today, days)
  let base = ctx.db.selectFrom('contracts as k').where('k.deleted_at', 'is', null).where(renewingContract('k'))
    .where('k.cancel_by', '>=', today).where('k.cancel_by', '<=', horizon(Math.max(...PIPELINE_HORIZONS)))
  if (q.ownerId) base = base.where('k.owner_id', '=', q.ownerId)
  // One pass over the pipeline index for all three horizons.
  const sums = await base.select(PIPELINE_HORIZONS.flatMap((d) => [
    sql<number | null>`sum(k.cancel_by <= ${horizon(d)})`.as(`n${d}` as const),
    sql<number | null>`sum(case when k.cancel_by <= ${horizon(d)} then k.annual_value_cents else 0 end)`.as(`v${d}` as const),
  ])).executeTakeFirstOrThrow()
  const buckets = PIPELINE_HORIZONS.map((d) => ({ days: d, count: Number(sums[`n${d}`] ?? 0), annualValueCents: Number(sums[`v${d}`] ?? 0) }))
  const rows = await base.where('k.cancel_by', '<=', horizon(q.days))
    .innerJoin('companies as c', 'c.id', 'k.company_id').leftJoin('users as u', 'u.id', 'k.owner_id')
    .select([...CONTRACT_LIST_COLUMNS])
    .select((eb) => eb.selectFrom('offers as o').select('o.status').whereRef('o.contract_id', '=', 'k.id').where('o.deleted_at', 'is', null)
      .orderBy('o.offer_date', 'desc').limit(1).as('renewal_offer_status'))
    .orderBy('k.cancel_by').orderBy('k.annual_value_cents', 'desc').offset(q.offset).limit(q.limit).execute()
  return {
    today,
    buckets,
    total: buckets.find((b) => b.days === q.days)?.count ?? 0,
    offset: q.offset,
    rows: rows.map((r) => ({ ...contractListItem(r), daysLeft: daysBetween(today, r.cancel_by), renewalOfferStatus: r.renewal_offer_status ?? '' })),
  }
}

const REMINDER_COLUMN = { renewal_review: 'review', renewal_final: 'final' } as const satisfies Record<RenewalReminderKind, string>
/** A reminder done, or moved to `until`: the columns of its kind. */
const reminderDone = (kind: RenewalReminderKind, now: string): UpdatePatch<'contracts'> =>
  kind === 'renewal_review' ? { review_done_at: now } : { final_done_at: now }
const reminderMoved = (kind: RenewalReminderKind, until: string): UpdatePatch<'contracts'> =>
  kind === 'renewal_review' ? { review_due: until } : { final_due: until }

const REMINDER_KINDS = ['renewal_review', 'renewal_final'] as const

/**
 * Contracts with an open reminder of one kind due in the range, from the kind's partial index alone (a deleted
 * or merged-away company's contracts are tombstoned or moved with it in the same transaction).
 */
const openReminders = (ctx: ServiceContext, kind: RenewalReminderKind, q: DueRange & { ownerId: string }) => {
  const due = `k.${REMINDER_COLUMN[kind]}_due` as const
  const done = `k.${REMINDER_COLUMN[kind]}_done_at` as const
  let query = ctx.db.selectFrom('contracts as k')
    .where('k.deleted_at', 'is', null).where(done, 'is', null).where(renewingContract('k')).where(dueWithin(sql.ref(due), q))
  if (q.ownerId) query = query.where('k.owner_id', '=', q.ownerId)
  return { query, due }
}

/** How many renewal reminders (both kinds) fall before, on and after today within the range. */
export async function renewalReminderCounts(ctx: ServiceContext, q: DueCountQuery): Promise<DueCounts> {
  const counts = await Promise.all(REMINDER_KINDS.map(async (kind) => {
    const { query, due } = openReminders(ctx, kind, q)
    return toSourceCounts(await query.select(dueCountColumns(sql.ref(due), q.today)).executeTakeFirst())
  }))
  return counts.reduce((sum, c) => ({ overdue: sum.overdue + c.overdue, dueToday: sum.dueToday + c.dueToday, upcoming: sum.upcoming + c.upcoming }))
}

/** The first renewal reminders of the range (both kinds), the earliest due first, for the work list. */
export async function renewalReminders(ctx: ServiceContext, q: DueListQuery): Promise<RenewalReminderItem[]> {
  const items: RenewalReminderItem[] = []
  for (const kind of REMINDER_KINDS) {
    const { query: base, due } = openReminders(ctx, kind, q)
    // The first `limit` from the reminder's index alone (migration 041: in the list's order, with every contract column
    // shown); only those are joined to their names.
    const first = base.select(['k.id', `${due} as due`, 'k.annual_value_cents', 'k.number', 'k.company_id', 'k.contact_id', 'k.owner_id', 'k.cancel_by'])
      .orderBy(due).orderBy('k.annual_value_cents', 'desc').limit(q.limit)
    const query = ctx.db.selectFrom(first.as('x'))
      .innerJoin('companies as c', 'c.id', 'x.company_id').where('c.deleted_at', 'is', null)
      .leftJoin('contacts as p', 'p.id', 'x.contact_id').leftJoin('users as u', 'u.id', 'x.owner_id')
      .select(['x.id', 'x.number', 'x.company_id', 'c.name as company_name', 'p.first_name', 'p.last_name', 'p.phone', 'p.mobile', 'x.owner_id', 'u.display_name as owner_name',
        'x.due', 'x.annual_value_cents', 'x.cancel_by'])
    for (const r of await query.orderBy('x.due').orderBy('x.annual_value_cents', 'desc').execute()) {
      items.push({
        source: 'contract', id: `${r.id}:${kind}`, contractId: r.id, contractNumber: r.number, companyId: r.company_id, companyName: r.company_name,
        contactName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(), contactPhone: r.phone || r.mobile || '', ownerId: r.owner_id, ownerName: r.owner_name ?? '',
        kind, dueDate: r.due!, annualValueCents: r.annual_value_cents, cancelBy: r.cancel_by,
        view: {
          label: messageRef('worklist.renewal', { number: r.number, company: r.company_name }),
          subject: { text: r.number, href: `/contracts/${r.id}` },
          detail: messageRef('worklist.renewalDetail', { kind, annual: r.annual_value_cents, cancelBy: r.cancel_by }),
          calendarTitle: messageRef('worklist.renewalCalendar', { number: r.number }),
          calendarDetail: messageRef('worklist.renewalCalendarDetail', { cancelBy: r.cancel_by }),
          valueCents: r.annual_value_cents,
        },
      })
    }
  }
  return items.sort((x, y) => x.dueDate.localeCompare(y.dueDate) || y.annualValueCents - x.annualValueCents).slice(0, q.limit)
}

async function openReminder(ctx: ServiceContext, contractId: string, kind: RenewalReminderKind) {
  const k = await ctx.db.selectFrom('contracts').selectAll().where('id', '=', contractId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!k) throw new AppError('not_found', 'errors.notFound')
  const column = REMINDER_COLUMN[kind]
  if (k[`${column}_due`] === null || k[`${column}_done_at`] !== null || !isRenewing(k.status)) throw new AppError('conflict', 'errors.followUpClosed')
  return k
}

/** Reviewed: the outcome becomes a touchpoint at the renewal station, in the same transaction. */
export async function completeRenewalReminder(ctx: ServiceContext, input: { contractId: string; kind: RenewalReminderKind; channel: TouchpointChannel; outcome: string }): Promise<{ touchpointId: string }> {
  const now = nowIso(ctx)
  const touchpointId = newId()
  await ctx.db.transaction().execute(async (trx) => {
    // Checked inside the transaction: a second click finds the reminder done and writes nothing.
    const k = await openReminder({ ...ctx, db: trx }, input.contractId, input.kind)
    await insertSynced(trx, 'touchpoints', {
      id: touchpointId, company_id: k.company_id, contact_id: k.contact_id, occurred_at: now, channel: input.channel, direction: 'outbound', mode: 'direct',
      station: 'renewal', summary: input.outcome, ...eventColumns('contract.renewalReviewed', { number: k.number }), created_by: ctx.userId,
    }, now)
    await updateSynced(trx, 'contracts', k.id, reminderDone(input.kind, now), now)
    await refreshJourney(trx, k.company_id, now)
  })
  return { touchpointId }
}

export async function snoozeRenewalReminder(ctx: ServiceContext, input: { contractId: string; kind: RenewalReminderKind; until: string }): Promise<{ contractId: string }> {
  if (input.until <= todayOf(ctx)) throw fieldError('until', 'errors.snoozeFuture')
  const k = await openReminder(ctx, input.contractId, input.kind)
  // A reminder is moved at most to the cancel-by date: after it, nothing can be decided any more.
  if (input.until > k.cancel_by) throw fieldError('until', 'errors.snoozePastCancelBy')
  await ctx.db.transaction().execute((trx) => updateSynced(trx, 'contracts', k.id, reminderMoved(input.kind, input.until), nowIso(ctx)))
  return { contractId: k.id }
}

/** A renewal reminder on the work list is `<contractId>:<kind>`; anything else is not one. */
function reminderRef(id: string): { contractId: string; kind: RenewalReminderKind } {
  const [contractId = '', kind = ''] = id.split(':')
  if (!contractId || !isOneOf(RENEWAL_REMINDER_KINDS, kind)) throw new AppError('not_found', 'errors.notFound')
  return { contractId, kind }
}

/** The renewal reminders as a source of the work list (registered by the worklist module). */
export const renewalWorkListSource = {
  source: 'contract',
  list: renewalReminders,
  count: renewalReminderCounts,
  complete: (ctx: ServiceContext, input: { id: string; channel: TouchpointChannel; outcome: string }) =>
    completeRenewalReminder(ctx, { ...reminderRef(input.id), channel: input.channel, outcome: input.outcome }),
  snooze: (ctx: ServiceContext, input: { id: string; until: string }) => snoozeRenewalReminder(ctx, { ...reminderRef(input.id), until: input.until }),
} as const

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)

function emptyRow(key: string): RenewalRateRow {
  return { key, due: 0, renewed: 0, churned: 0, renewedValueCents: 0, dueValueCents: 0, rateByCount: null, rateByValue: null }
}

/**
 * Renewal rate: of the terms whose renewal was decided in the range, how many (and how much annual
 * value) went on, tacitly or by a renewal offer. A term is decided on its cancel-by date when it
 * renewed or ran out, and on the day the notice came in when it was cancelled.
 */
export async function renewalReport(ctx: ServiceContext, q: { from: string; to: string; period: 'month' | 'quarter' | 'year'; ownerId: string }): Promise<RenewalReport> {
  const total = emptyRow('total')
  const byPeriod = new Map<string, RenewalRateRow>()
  const byOwner = new Map<string, RenewalRateRow>()
  const reasons = new Map<ChurnReason | 'no_renewal', { count: number; valueCents: number }>()
  for (const g of await renewalGroups(ctx, q.from, q.to, q.ownerId)) {
    const key = periodOf(g.month, q.period)
    const owner = g.owner_name ?? g.owner_id
    const renewed = g.outcome === 'renewed'
    const n = Number(g.decisions)
    const value = Number(g.value_cents)
    for (const row of [total, byPeriod.get(key) ?? byPeriod.set(key, emptyRow(key)).get(key)!, byOwner.get(owner) ?? byOwner.set(owner, emptyRow(owner)).get(owner)!]) {
      row.due += n
      row.dueValueCents += value
      if (renewed) {
        row.renewed += n
        row.renewedValueCents += value
      } else row.churned += n
    }
    if (g.outcome !== 'renewed') {
      const r = reasons.get(g.outcome) ?? { count: 0, valueCents: 0 }
      reasons.set(g.outcome, { count: r.count + n, valueCents: r.valueCents + value })
    }
  }
  const finish = (row: RenewalRateRow) => ({ ...row, rateByCount: rate(row.renewed, row.due), rateByValue: rate(row.renewedValueCents, row.dueValueCents) })
  return {
    total: finish(total),
    byPeriod: [...byPeriod.values()].map(finish).sort((a, b) => a.key.localeCompare(b.key)),
    byOwner: [...byOwner.values()].map(finish).sort((a, b) => b.due - a.due),
    churnReasons: [...reasons.entries()].map(([reason, r]) => ({ reason, ...r })).sort((a, b) => b.count - a.count),
  }
}

/**
 * The renewal decisions of [from, to] per month, owner and outcome: whole months from the trigger-kept roll-up
 * (renewal_stats, migration 037), the partial months at the edges from its days (renewal_day_stats), with the
 * owners' names. Each decision is a contract's annual value decided on one day (the migration says which).
 */
async function renewalGroups(ctx: ServiceContext, from: string, to: string, ownerId: string) {
  const { months, days } = splitRange(from, to)
  const parts = []
  if (months) {
    let stats = ctx.db.selectFrom('renewal_stats as s').select(['s.month', 's.owner_id', 's.outcome', 's.decisions', 's.value_cents'])
      .where('s.month', '>=', months[0]).where('s.month', '<=', months[1])
    if (ownerId) stats = stats.where('s.owner_id', '=', ownerId)
    parts.push(stats)
  }
  for (const [fromDay, toDay] of days) {
    let stats = ctx.db.selectFrom('renewal_day_stats as s').select([sql<string>`substr(s.day, 1, 7)`.as('month'), 's.owner_id', 's.outcome', 's.decisions', 's.value_cents'])
      .where('s.day', '>=', fromDay).where('s.day', '<=', toDay)
    if (ownerId) stats = stats.where('s.owner_id', '=', ownerId)
    parts.push(stats)
  }
  const [first, ...rest] = parts
  if (!first) return []
  const all = rest.reduce((union, part) => union.unionAll(part), first)
  return ctx.db.selectFrom(all.as('g')).leftJoin('users as u', 'u.id', 'g.owner_id')
    .select((eb) => ['g.month', 'g.owner_id', 'g.outcome', 'u.display_name as owner_name', eb.fn.sum<number>('g.decisions').as('decisions'), eb.fn.sum<number>('g.value_cents').as('value_cents')])
    .groupBy(['g.month', 'g.owner_id', 'g.outcome']).having((eb) => eb.fn.sum('g.decisions'), '<>', 0)
    .orderBy('g.month').orderBy('g.owner_id').orderBy('g.outcome').execute()
}
