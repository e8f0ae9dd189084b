// Reading tasks: one query with the names a list shows (company, contact, owner, who made it, the related
// record's number), the row mapped to the domain object, and the checks every write makes — the references
// of a new or changed task (the company live; contact, offer, contract, case and the "Wiedervorlage"
// touchpoint live and of that company; the owner a user who exists and is not disabled).
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { storedTitleRef, type Task, type TaskFields } from '../../../../shared/modules/planning/task.schema'
import { parseEventParams, type MessageRef } from '../../../../shared/platform/event-message'
import { AppError, fieldError } from '../../../../shared/platform/result'

type Db = Kysely<Database>

/** Tasks with their names; only those of live companies (a deleted or merged-away company's are gone with it). */
export const taskQuery = (db: Db) => db.selectFrom('tasks as t')
  .innerJoin('companies as c', 'c.id', 't.company_id')
  .leftJoin('contacts as k', (join) => join.onRef('k.id', '=', 't.contact_id').on('k.deleted_at', 'is', null))
  .leftJoin('users as u', 'u.id', 't.owner_id')
  .leftJoin('users as cb', 'cb.id', 't.created_by')
  .leftJoin('offers as o', (join) => join.onRef('o.id', '=', 't.related_id').on('t.related_type', '=', 'offer'))
  .leftJoin('contracts as ct', (join) => join.onRef('ct.id', '=', 't.related_id').on('t.related_type', '=', 'contract'))
  .leftJoin('cases as cs', (join) => join.onRef('cs.id', '=', 't.related_id').on('t.related_type', '=', 'case'))
  .leftJoin('trigger_firings as f', 'f.id', 't.trigger_firing_id')
  .selectAll('t')
  .select([
    'c.name as company_name', 'k.id as live_contact_id', 'k.first_name', 'k.last_name', 'k.phone', 'k.mobile',
    'u.display_name as owner_name', 'cb.display_name as created_by_name', 'o.number as offer_number', 'ct.number as contract_number', 'cs.number as case_number',
    'f.signal as firing_signal', 'f.message_key as firing_key', 'f.message_params as firing_params',
  ])
  .where('t.deleted_at', 'is', null).where('c.deleted_at', 'is', null)

export type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>>

export const contactNameOf = (r: { first_name: string | null; last_name: string | null }): string => `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim()

export const relatedLabelOf = (r: TaskRow): string => r.offer_number ?? r.contract_number ?? r.case_number ?? ''

/** The page of a task's related record, else its customer's. */
export const relatedHrefOf = (r: Pick<TaskRow, 'related_type' | 'related_id' | 'company_id'>): string => {
  if (r.related_type && r.related_id) return `/${r.related_type === 'case' ? 'cases' : `${r.related_type}s`}/${r.related_id}`
  return `/companies/${r.company_id}`
}

/** Why an early warning made the task: its rule and reason, from the firing (the task stores no text of it). */
const noteRefOf = (r: TaskRow): MessageRef | null => r.firing_signal && r.firing_key
  ? { key: 'trigger.taskNotes', params: { ...parseEventParams(r.firing_params), signal: r.firing_signal, why: r.firing_key } }
  : null

export const toTask = (r: TaskRow): Task => ({
  id: r.id, companyId: r.company_id, companyName: r.company_name, contactId: r.live_contact_id ?? '', contactName: contactNameOf(r),
  relatedType: r.related_type ?? '', relatedId: r.related_id ?? '', relatedLabel: relatedLabelOf(r),
  title: r.title, titleRef: storedTitleRef(r.title_key, r.title_params), notes: r.notes, noteRef: noteRefOf(r), dueDate: r.due_date, dueTime: r.due_time ?? '', priority: r.priority,
  ownerId: r.owner_id, ownerName: r.owner_name ?? '', status: r.status, doneAt: r.done_at, outcome: r.outcome, touchpointId: r.touchpoint_id ?? '',
  recurrence: r.recurrence, recurrenceInterval: r.recurrence_interval, recurrenceUntil: r.recurrence_until ?? '', recurrenceCount: r.recurrence_count,
  occurrence: r.occurrence, seriesId: r.series_id ?? '', sourceTouchpointId: r.source_touchpoint_id ?? '',
  createdBy: r.created_by, createdByName: r.created_by_name ?? '', createdAt: r.created_at,
})

/** A task that exists, of a company that exists; anything else is not found. */
export async function loadTask(db: Db, id: string): Promise<TaskRow> {
  const row = await taskQuery(db).where('t.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return row
}

/** A task that may still change: open (done and cancelled ones are history). */
export async function loadOpenTask(db: Db, id: string): Promise<TaskRow> {
  const row = await loadTask(db, id)
  if (row.status !== 'open') throw new AppError('conflict', 'errors.taskNotOpen')
  return row
}

const RELATED_TABLES = { offer: 'offers', contract: 'contracts', case: 'cases' } as const

/** Each reference of a task, at its field; nothing is written before all of them hold. */
export async function checkTaskReferences(db: Db, f: Pick<TaskFields, 'companyId' | 'contactId' | 'relatedType' | 'relatedId' | 'ownerId' | 'sourceTouchpointId'>, currentUserId: string): Promise<void> {
  const company = await db.selectFrom('companies').select(['id', 'team_id']).where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw fieldError('companyId', 'errors.companyNotFound')
  if (f.contactId) {
    const contact = await db.selectFrom('contacts').select('company_id').where('id', '=', f.contactId).where('deleted_at', 'is', null).executeTakeFirst()
    if (contact?.company_id !== f.companyId) throw fieldError('contactId', 'errors.contactNotOfCompany')
  }
  if (f.relatedType && f.relatedId) {
    const related = await db.selectFrom(RELATED_TABLES[f.relatedType]).select('company_id').where('id', '=', f.relatedId).where('deleted_at', 'is', null).executeTakeFirst()
    if (related?.company_id !== f.companyId) throw fieldError('relatedId', 'errors.taskRelatedNotOfCompany')
  } else if (f.relatedId) {
    throw fieldError('relatedType', 'errors.required')
  }
  if (f.sourceTouchpointId) {
    const touchpoint = await db.selectFrom('touchpoints').select('company_id').where('id', '=', f.sourceTouchpointId).where('deleted_at', 'is', null).executeTakeFirst()
    if (touchpoint?.company_id !== f.companyId) throw fieldError('sourceTouchpointId', 'errors.taskTouchpointNotOfCompany')
  }
  if (f.ownerId && f.ownerId !== currentUserId) await checkTaskOwner(db, f.ownerId, company.team_id, currentUserId)
}

/** Managers and admins receive every team's customers (server/sync/scope.ts). */
const SEES_EVERY_TEAM = ['manager', 'admin']

/**
 * The assignee: a user who exists, is not disabled, and receives the customer by sync — of the customer's
 * team (a company this laptop made and has not synced yet goes to the current user's team), or a manager.
 */
export async function checkTaskOwner(db: Db, ownerId: string, companyTeam: string, currentUserId: string): Promise<void> {
  const owner = await db.selectFrom('users').select(['id', 'deleted_at', 'role', 'team_id']).where('id', '=', ownerId).executeTakeFirst()
  if (!owner) throw fieldError('ownerId', 'errors.taskOwnerUnknown')
  if (owner.deleted_at !== null) throw fieldError('ownerId', 'errors.taskOwnerDisabled')
  if (SEES_EVERY_TEAM.includes(owner.role)) return
  const me = await db.selectFrom('users').select('team_id').where('id', '=', currentUserId).executeTakeFirst()
  const team = companyTeam || me?.team_id || ''
  if (owner.team_id !== team) throw fieldError('ownerId', 'errors.taskOwnerOtherTeam')
}

/** The task the rhythm of a series is counted from: its first (the series id), else the task itself. */
export async function seriesAnchor(db: Db, row: Pick<TaskRow, 'series_id' | 'due_date' | 'occurrence'>): Promise<{ dueDate: string; occurrence: number }> {
  if (row.series_id) {
    const first = await db.selectFrom('tasks').select(['due_date', 'occurrence']).where('id', '=', row.series_id).executeTakeFirst()
    if (first) return { dueDate: first.due_date, occurrence: first.occurrence }
  }
  return { dueDate: row.due_date, occurrence: row.occurrence }
}
