// The use phase's reminders on the work list: a warranty ending (offer a service contract), thanks
// for a won referral, asking a promoter for a referral or testimonial. Each is a date on its row.
import { sql, type Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { dueCountColumns, dueWithin, toSourceCounts } from '../../../../db/platform/due-range'
import type { DueCounts, DueCountQuery, DueListQuery, DueRange } from '../../../../shared/platform/due-range'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { TouchpointChannel } from '../../../../shared/modules/customers'
import type { UsePhaseReminderItem } from '../../../../shared/modules/service/service.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { eventColumns, messageRef } from '../../../../shared/platform/event-message'
import type { WorkItemView } from '../../../../shared/platform/work-item'
import type { ServiceTouchpointEventKey } from '../../../../shared/modules/service/service.events'

type Source = UsePhaseReminderItem['source']

const SOURCES = {
  asset: { table: 'assets', due: 'warranty_reminder_due', done: 'warranty_reminder_done_at', kind: 'warranty_ending', station: 'usage' },
  referral: { table: 'referrals', due: 'thank_due', done: 'thanked_at', kind: 'referral_thanks', station: 'referral' },
  feedback: { table: 'feedback', due: 'ask_due', done: 'ask_done_at', kind: 'ask_referral', station: 'referral' },
} as const satisfies Record<Source, unknown>

/** Writes a reminder's dates (a key left undefined is not written): each source's own table and columns. */
function writeReminder(trx: Transaction<Database>, source: Source, id: string, dates: { due?: string; done?: string }, now: string): Promise<boolean> {
  switch (source) {
    case 'asset': return updateSynced(trx, 'assets', id, { [SOURCES.asset.due]: dates.due, [SOURCES.asset.done]: dates.done }, now)
    case 'referral': return updateSynced(trx, 'referrals', id, { [SOURCES.referral.due]: dates.due, [SOURCES.referral.done]: dates.done }, now)
    case 'feedback': return updateSynced(trx, 'feedback', id, { [SOURCES.feedback.due]: dates.due, [SOURCES.feedback.done]: dates.done }, now)
  }
}

/** What each reminder is about: `a` the asset (with serial), the referred company or the score; `b` the warranty end or the comment. */
const FACTS = {
  asset: sql`x.name || coalesce(' (' || nullif(x.serial_number, '') || ')', '') as a, x.warranty_end as b`,
  referral: sql`(select name from companies where id = x.referred_company_id) as a, null as b`,
  feedback: sql`cast(x.score as text) as a, x.comment as b`,
}

const LABEL = { asset: 'worklist.warrantyEnding', referral: 'worklist.referralThanks', feedback: 'worklist.askReferral' } as const satisfies Record<Source, ServiceTouchpointEventKey>

/** The facts as one line of text (the item's `detail`, for scripts and tests): "Prüfstand (SN-1) · 2027-02-14", a company, "NPS 9: …". */
const plainDetail = (source: Source, r: { a: string | null; b: string | null }): string =>
  source === 'asset' ? `${r.a ?? ''} · ${r.b ?? ''}` : source === 'referral' ? r.a ?? '' : `NPS ${r.a ?? ''}${r.b ? `: ${r.b}` : ''}`

/** How an entry shows on the work list and in the calendar file. */
function viewOf(source: Source, r: { company_name: string; a: string | null; b: string | null }): WorkItemView {
  const kind = SOURCES[source].kind
  const detail = source === 'asset' ? messageRef('worklist.assetDetail', { asset: r.a ?? '', warrantyEnd: r.b ?? '' })
    : source === 'referral' ? messageRef('worklist.referralDetail', { prospect: r.a ?? '' })
      : r.b ? messageRef('worklist.feedbackDetailComment', { score: r.a ?? '', comment: r.b }) : messageRef('worklist.feedbackDetail', { score: r.a ?? '' })
  return {
    label: messageRef(LABEL[source], { company: r.company_name }),
    subject: { badge: messageRef('worklist.usePhaseKind', { kind }) },
    detail,
    calendarTitle: messageRef('worklist.usePhaseKind', { kind }),
    calendarDetail: detail,
    valueCents: 0,
  }
}

/** Open reminders of one kind due in the range: the reminder not done yet, on a live row. */
const openRemindersWhere = (source: Source, q: DueRange & { ownerId: string }) => {
  const s = SOURCES[source]
  return sql`x.deleted_at is null and x.${sql.ref(s.done)} is null and x.${sql.ref(s.due)} is not null
    and ${dueWithin(sql`x.${sql.ref(s.due)}`, q)} ${q.ownerId ? sql`and x.owner_id = ${q.ownerId}` : sql``}`
}

/** How many reminders of one kind fall before, on and after today within the range (the row's own index; a deleted company's rows are tombstoned with it). */
async function countsOf(ctx: ServiceContext, source: Source, q: DueCountQuery): Promise<DueCounts> {
  const s = SOURCES[source]
  const { rows } = await sql<{ overdue: number | null; due_today: number | null; upcoming: number | null }>`
    select ${sql.join(dueCountColumns(sql`x.${sql.ref(s.due)}`, q.today))}
    from ${sql.table(s.table)} x where ${openRemindersWhere(source, q)}`.execute(ctx.db)
  return toSourceCounts(rows[0])
}

/** The first reminders of one kind in the range, the earliest due first. */
async function remindersOf(ctx: ServiceContext, source: Source, q: DueListQuery): Promise<UsePhaseReminderItem[]> {
  const s = SOURCES[source]
  const rows = await sql<{ id: string; company_id: string; company_name: string; first_name: string | null; last_name: string | null; phone: string | null; mobile: string | null; owner_id: string; owner_name: string | null; due: string; a: string | null; b: string | null }>`
    select x.id, x.company_id, c.name as company_name, k.first_name, k.last_name, k.phone, k.mobile, x.owner_id, u.display_name as owner_name, x.${sql.ref(s.due)} as due, ${FACTS[source]}
    from ${sql.table(s.table)} x join companies c on c.id = x.company_id
    left join contacts k on k.id = ${source === 'asset' ? sql`(select id from contacts where company_id = x.company_id and deleted_at is null order by local_seq limit 1)` : sql`x.contact_id`}
    left join users u on u.id = x.owner_id
    where ${openRemindersWhere(source, q)} and c.deleted_at is null
    order by x.${sql.ref(s.due)} limit ${q.limit}`.execute(ctx.db)
  return rows.rows.map((r): UsePhaseReminderItem => ({
    source, id: `${source}:${r.id}`, subjectId: r.id, companyId: r.company_id, companyName: r.company_name, contactName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(),
    contactPhone: r.phone || r.mobile || '', ownerId: r.owner_id, ownerName: r.owner_name ?? '', kind: s.kind, dueDate: r.due, detail: plainDetail(source, r), view: viewOf(source, r),
  }))
}

async function openReminder(ctx: ServiceContext, source: Source, id: string) {
  const s = SOURCES[source]
  const { rows } = await sql<{ id: string; company_id: string; due: string | null; done: string | null }>`
    select id, company_id, ${sql.ref(s.due)} as due, ${sql.ref(s.done)} as done from ${sql.table(s.table)} where id = ${id} and deleted_at is null`.execute(ctx.db)
  const row = rows[0]
  if (!row) throw new AppError('not_found', 'errors.notFound')
  if (row.due === null || row.done !== null) throw new AppError('conflict', 'errors.followUpClosed')
  return row
}

/** What was done, as an event on the customer's timeline (the outcome the user typed follows it). */
const DONE_EVENT = { asset: 'asset.warrantyEndDiscussed', referral: 'referral.thanksSaid', feedback: 'feedback.referralAsked' } as const satisfies Record<Source, ServiceTouchpointEventKey>

/** Done: the outcome becomes a touchpoint, in the same transaction. (A referral's thanks with a reward go through referrals.thank.) */
export async function completeUsePhaseReminder(ctx: ServiceContext, input: { source: Source; id: string; channel: TouchpointChannel; outcome: string }): Promise<{ touchpointId: string }> {
  const now = nowIso(ctx)
  const touchpointId = newId()
  const s = SOURCES[input.source]
  await ctx.db.transaction().execute(async (trx) => {
    // Checked inside the transaction: a second click finds the reminder done and writes nothing.
    const row = await openReminder({ ...ctx, db: trx }, input.source, input.id)
    await insertSynced(trx, 'touchpoints', {
      id: touchpointId, company_id: row.company_id, contact_id: null, occurred_at: now, channel: input.channel, direction: 'outbound', mode: 'direct', station: s.station,
      summary: input.outcome, ...eventColumns(DONE_EVENT[input.source]), created_by: ctx.userId,
    }, now)
    await writeReminder(trx, input.source, row.id, { done: now }, now)
    await refreshJourney(trx, row.company_id, now)
  })
  return { touchpointId }
}

export async function snoozeUsePhaseReminder(ctx: ServiceContext, input: { source: Source; id: string; until: string }): Promise<{ id: string }> {
  if (input.until <= todayOf(ctx)) throw fieldError('until', 'errors.snoozeFuture')
  const row = await openReminder(ctx, input.source, input.id)
  await ctx.db.transaction().execute((trx) => writeReminder(trx, input.source, row.id, { due: input.until }, nowIso(ctx)))
  return { id: row.id }
}

/** A use-phase reminder on the work list is `<source>:<row id>`; anything else is not one. */
function subjectOf(source: Source, id: string): string {
  if (!id.startsWith(`${source}:`) || id.length === source.length + 1) throw new AppError('not_found', 'errors.notFound')
  return id.slice(source.length + 1)
}

/** One work-list source per kind of use-phase reminder (registered by the worklist module). */
const usePhaseSource = <S extends Source>(source: S) => ({
  source,
  list: (ctx: ServiceContext, q: DueListQuery) => remindersOf(ctx, source, q),
  count: (ctx: ServiceContext, q: DueCountQuery) => countsOf(ctx, source, q),
  complete: (ctx: ServiceContext, input: { id: string; channel: TouchpointChannel; outcome: string }) =>
    completeUsePhaseReminder(ctx, { source, id: subjectOf(source, input.id), channel: input.channel, outcome: input.outcome }),
  snooze: (ctx: ServiceContext, input: { id: string; until: string }) => snoozeUsePhaseReminder(ctx, { source, id: subjectOf(source, input.id), until: input.until }),
})

export const usePhaseWorkListSources = [usePhaseSource('asset'), usePhaseSource('referral'), usePhaseSource('feedback')] as const
