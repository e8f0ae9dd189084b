// Tasks (Aufgaben, issue 16): a rep's own to-dos — "Frau Berger am Dienstag zurückrufen" — on the owner's work
// list beside the reminders the app computes. Made from any record's page, the work list or a touchpoint
// ("Wiedervorlage"), assignable to a colleague (it reaches their laptop by sync), done with an outcome that
// becomes a touchpoint on the customer's timeline; a repeating task makes its next occurrence in the same
// transaction (task.rules.ts), under an id every laptop derives alike (task-ids.ts). Each use case is one
// transaction of synced writes; nothing is written before every reference holds.
import type { Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import { LANGUAGES, type TouchpointChannel } from '../../../../shared/modules/customers'
import { nextOccurrence, storedTitleRef, type Task, type TaskFields, type TaskListQuery } from '../../../../shared/modules/planning/task.schema'
import type { PLANNING_TITLE_KEYS } from '../../../../shared/modules/planning/planning.events'
import { eventColumns, parseEventParams } from '../../../../shared/platform/event-message'
import { eventMessage } from '../../../../shared/i18n/event-text'
import { fieldError } from '../../../../shared/platform/result'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { taskOccurrenceId } from './task-ids'
import { checkTaskReferences, loadOpenTask, loadTask, seriesAnchor, taskQuery, toTask, type TaskRow } from './task-rows'

export { taskCounts, taskItems } from './task-items'

export async function getTask(ctx: ServiceContext, id: string): Promise<Task> {
  return toTask(await loadTask(ctx.db, id))
}

/**
 * By company (all of its tasks), by related record, by owner, or every open one; open ones first by due day
 * and time, then the rest, newest first.
 */
export async function listTasks(ctx: ServiceContext, q: TaskListQuery): Promise<Task[]> {
  let query = taskQuery(ctx.db)
  if (q.companyId) query = query.where('t.company_id', '=', q.companyId)
  if (q.relatedType) query = query.where('t.related_type', '=', q.relatedType)
  if (q.relatedId) query = query.where('t.related_id', '=', q.relatedId)
  if (q.ownerId) query = query.where('t.owner_id', '=', q.ownerId)
  if (q.status === 'open') query = query.where('t.status', '=', 'open')
  const rows = await query.orderBy((eb) => eb.case().when('t.status', '=', 'open').then(0).else(1).end())
    .orderBy('t.due_date').orderBy('t.due_time').orderBy('t.created_at').limit(1000).execute()
  return rows.map(toTask)
}

/** The repeat columns as stored: a single task has none of them. */
function repeatColumns(f: TaskFields) {
  const repeats = f.recurrence !== 'none'
  return {
    recurrence: f.recurrence,
    recurrence_interval: repeats ? f.recurrenceInterval : 1,
    recurrence_until: repeats && f.recurrenceUntil ? f.recurrenceUntil : null,
    recurrence_count: repeats ? f.recurrenceCount : null,
  }
}

/**
 * Writes a new task inside the caller's transaction (also for the visit report's follow-up tasks): every
 * reference checked, a due day before today refused; without an owner it is the current user's. A
 * repeating task starts its own series.
 */
/** `titleKey`: a title the app makes (PLANNING_TITLE_KEYS), stored as its key; `f.title` is then its German fallback. */
export async function insertTask(trx: Transaction<Database>, ctx: ServiceContext, f: TaskFields, now: string, titleKey?: (typeof PLANNING_TITLE_KEYS)[number]): Promise<string> {
  await checkTaskReferences(trx, f, ctx.userId)
  if (f.dueDate < todayOf(ctx)) throw fieldError('dueDate', 'errors.taskDuePast')
  const id = newId()
  await insertSynced(trx, 'tasks', {
    id, company_id: f.companyId, contact_id: f.contactId || null, related_type: f.relatedType || null, related_id: f.relatedType ? f.relatedId || null : null,
    title: titleKey ? eventMessage('de', titleKey, {}) : f.title, title_key: titleKey ?? '', notes: f.notes, due_date: f.dueDate, due_time: f.dueTime || null, priority: f.priority, owner_id: f.ownerId || ctx.userId,
    source_touchpoint_id: f.sourceTouchpointId || null, ...repeatColumns(f), occurrence: 1, series_id: f.recurrence !== 'none' ? id : null, created_by: ctx.userId,
  }, now)
  return id
}

export async function createTask(ctx: ServiceContext, f: TaskFields): Promise<Task> {
  const id = await ctx.db.transaction().execute((trx) => insertTask(trx, ctx, f, nowIso(ctx)))
  return getTask(ctx, id)
}

/**
 * Changes an open task. Its company stays; an empty owner keeps the owner; a new due day before today is
 * refused (an unchanged overdue one may stay). Its series and "Wiedervorlage" touchpoint stay as they were.
 */
export async function updateTask(ctx: ServiceContext, id: string, f: TaskFields): Promise<Task> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOpenTask(trx, id)
    if (f.companyId !== row.company_id) throw fieldError('companyId', 'errors.taskCompanyFixed')
    await checkTaskReferences(trx, { ...f, sourceTouchpointId: '', ownerId: f.ownerId && f.ownerId !== row.owner_id ? f.ownerId : '' }, ctx.userId)
    if (f.dueDate !== row.due_date && f.dueDate < todayOf(ctx)) throw fieldError('dueDate', 'errors.taskDuePast')
    await updateSynced(trx, 'tasks', id, {
      contact_id: f.contactId || null, related_type: f.relatedType || null, related_id: f.relatedType ? f.relatedId || null : null,
      ...titleColumns(row, f.title), notes: f.notes, due_date: f.dueDate, due_time: f.dueTime || null, priority: f.priority, owner_id: f.ownerId || row.owner_id,
      ...repeatColumns(f),
    }, now)
  })
  return getTask(ctx, id)
}

/**
 * A title the app made stays a key while the user leaves it as shown (in either language); a changed title is theirs,
 * and the key goes.
 */
function titleColumns(row: TaskRow, title: string): { title: string; title_key: string; title_params: string } {
  const ref = storedTitleRef(row.title_key, row.title_params)
  const shown = ref ? LANGUAGES.map((language) => eventMessage(language, ref.key, ref.params)) : []
  return ref && (shown.includes(title) || title === row.title) ? { title: row.title, title_key: row.title_key, title_params: row.title_params } : { title, title_key: '', title_params: '{}' }
}

/** The "done" event of the timeline: a title the app made is stored as its key, to read in every language. */
function doneEvent(row: TaskRow): { message_key: string; message_params: string } {
  if (!row.title_key) return eventColumns('task.done', { title: row.title })
  return { message_key: 'task.doneKeyed', message_params: JSON.stringify({ ...parseEventParams(row.title_params), title: row.title_key }) }
}

/** The station of the task's touchpoint: its record's, else where the customer stands now. */
async function stationOf(trx: Transaction<Database>, row: TaskRow) {
  if (row.related_type === 'offer') return 'offer' as const
  if (row.related_type === 'contract') return 'renewal' as const
  if (row.related_type === 'case') return 'support' as const
  const journey = await trx.selectFrom('company_journey').select('station').where('company_id', '=', row.company_id).executeTakeFirst()
  return journey?.station ?? 'offer'
}

/**
 * The next task of a series, owned and made like this one, with its rhythm (or null when the series ends). Its id
 * comes from the series and its number (task-ids.ts): a colleague who completed the same occurrence made the same
 * row, and when it is already here (pulled) it is not made again — a deleted one stays deleted.
 */
async function insertNextOccurrence(trx: Transaction<Database>, ctx: ServiceContext, row: TaskRow, now: string): Promise<string | null> {
  const repeat = { recurrence: row.recurrence, recurrenceInterval: row.recurrence_interval, recurrenceUntil: row.recurrence_until ?? '', recurrenceCount: row.recurrence_count }
  const next = nextOccurrence(repeat, await seriesAnchor(trx, row), { dueDate: row.due_date, occurrence: row.occurrence }, todayOf(ctx))
  if (!next) return null
  const id = taskOccurrenceId(row.series_id ?? row.id, next.occurrence)
  const existing = await trx.selectFrom('tasks').select('deleted_at').where('id', '=', id).executeTakeFirst()
  if (existing) return existing.deleted_at === null ? id : null
  // The owner may have been disabled meanwhile: then the next one is the current user's.
  const owner = await trx.selectFrom('users').select('id').where('id', '=', row.owner_id).where('deleted_at', 'is', null).executeTakeFirst()
  await insertSynced(trx, 'tasks', {
    id, company_id: row.company_id, contact_id: row.live_contact_id, related_type: row.related_type, related_id: row.related_id,
    title: row.title, title_key: row.title_key, title_params: row.title_params, notes: row.notes, due_date: next.dueDate, due_time: row.due_time, priority: row.priority, owner_id: owner ? row.owner_id : ctx.userId,
    recurrence: row.recurrence, recurrence_interval: row.recurrence_interval, recurrence_until: row.recurrence_until, recurrence_count: row.recurrence_count,
    occurrence: next.occurrence, series_id: row.series_id ?? row.id, created_by: row.created_by || ctx.userId,
  }, now)
  return id
}

/**
 * Done: a touchpoint on the customer's timeline that belongs to the task (the outcome as its summary), the
 * task closed with it, and for a repeating task its next occurrence — one transaction.
 */
export async function finishTask(ctx: ServiceContext, input: { id: string; channel: TouchpointChannel; outcome: string }): Promise<{ id: string; touchpointId: string; nextTaskId: string | null }> {
  const outcome = input.outcome.trim()
  if (!outcome) throw fieldError('outcome', 'errors.required')
  const now = nowIso(ctx)
  const touchpointId = newId()
  let nextTaskId: string | null = null
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOpenTask(trx, input.id)
    await insertSynced(trx, 'touchpoints', {
      id: touchpointId, company_id: row.company_id, contact_id: row.live_contact_id, occurred_at: now, channel: input.channel, direction: 'outbound',
      mode: 'direct', station: await stationOf(trx, row), summary: outcome, ...doneEvent(row), related_type: 'task', related_id: row.id, created_by: ctx.userId,
    }, now)
    await updateSynced(trx, 'tasks', row.id, { status: 'done', done_at: now, outcome, touchpoint_id: touchpointId }, now)
    nextTaskId = await insertNextOccurrence(trx, ctx, row, now)
    await refreshJourney(trx, row.company_id, now)
  })
  return { id: input.id, touchpointId, nextTaskId }
}

export async function completeTask(ctx: ServiceContext, input: { id: string; channel: TouchpointChannel; outcome: string }): Promise<Task> {
  await finishTask(ctx, input)
  return getTask(ctx, input.id)
}

/** Cancelled: off the work list, no touchpoint, and a repeating series ends here. */
export async function cancelTask(ctx: ServiceContext, id: string): Promise<Task> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOpenTask(trx, id)
    await updateSynced(trx, 'tasks', row.id, { status: 'cancelled' }, now)
  })
  return getTask(ctx, id)
}

/** Moved to a later day (after today) from the work list; the series keeps its rhythm. */
export async function snoozeTask(ctx: ServiceContext, input: { id: string; until: string }): Promise<{ id: string }> {
  if (input.until <= todayOf(ctx)) throw fieldError('until', 'errors.snoozeFuture')
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOpenTask(trx, input.id)
    await updateSynced(trx, 'tasks', row.id, { due_date: input.until }, now)
  })
  return { id: input.id }
}
