// Open tasks as entries of the work list: due up to the horizon (all overdue ones included), each with its
// view — the title linking to the task, its time, priority and who assigned it when that is not the owner,
// as messages the reader's language renders (planning.events.ts).
import { storedTitleRef, type TaskItem } from '../../../../shared/modules/planning/task.schema'
import { messageRef } from '../../../../shared/platform/event-message'
import type { ServiceContext } from '../../platform/context'
import { sql } from 'kysely'
import { countsByDay, dueWithin } from '../../../../db/platform/due-range'
import type { DueCounts, DueCountQuery, DueListQuery, DueRange } from '../../../../shared/platform/due-range'
import { contactNameOf, taskQuery, type TaskRow } from './task-rows'

function detail(r: TaskRow): TaskItem['view']['detail'] {
  const assignedBy = r.created_by !== r.owner_id && r.created_by_name ? r.created_by_name : ''
  if (r.due_time && assignedBy) return messageRef('task.workListDetailTimeBy', { time: r.due_time, priority: r.priority, by: assignedBy })
  if (r.due_time) return messageRef('task.workListDetailTime', { time: r.due_time, priority: r.priority })
  if (assignedBy) return messageRef('task.workListDetailBy', { priority: r.priority, by: assignedBy })
  return messageRef('task.workListDetail', { priority: r.priority })
}

const keyed = (r: TaskRow) => storedTitleRef(r.title_key, r.title_params)

const view = (r: TaskRow): TaskItem['view'] => ({
  label: keyed(r) ? { key: 'task.workListKeyed', params: { ...keyed(r)!.params, company: r.company_name } } : messageRef('task.workList', { title: r.title, company: r.company_name }),
  subject: keyed(r) ? { text: r.title, href: `/tasks/${r.id}`, textRef: keyed(r) } : { text: r.title, href: `/tasks/${r.id}` },
  detail: detail(r),
  calendarTitle: keyed(r) ? { key: 'task.calendarKeyed', params: keyed(r)!.params } : messageRef('task.calendar', { title: r.title }),
  calendarDetail: r.due_time
    ? messageRef('task.calendarDetailTime', { dueDate: r.due_date, time: r.due_time, priority: r.priority })
    : messageRef('task.calendarDetail', { dueDate: r.due_date, priority: r.priority }),
  // A task has no money value: within a day the valued reminders come first, then the tasks by time (the
  // list's sort is stable and they are listed by day and time; one without a time after those with one).
  valueCents: 0,
})

/**
 * Open tasks due in the range, read from their own index alone (the status a literal, so the partial index
 * serves). Deleting or merging a company tombstones or moves what hangs off it in the same transaction
 * (COMPANY_CHILD_TABLES), so the count needs no look at the companies; the list joins them for their names.
 */
const openTasks = (ctx: ServiceContext, q: DueRange & { ownerId: string }) => {
  let query = ctx.db.selectFrom('tasks as t')
    .where('t.status', '=', sql.lit('open')).where('t.deleted_at', 'is', null).where(dueWithin(sql.ref('t.due_date'), q))
  if (q.ownerId) query = query.where('t.owner_id', '=', q.ownerId)
  return query
}

/** How many open tasks fall before, on and after today within the range: from their roll-up per owner and day (migration 043). */
export async function taskCounts(ctx: ServiceContext, q: DueCountQuery): Promise<DueCounts> {
  return countsByDay(ctx.db, 'tasks_day_counts', q)
}

/**
 * The first open tasks of the range: by due day, then time (one without a time after those with one). The
 * first `limit` are the first entries of the tasks' open index in that order (migration 038: the time a literal
 * expression the index holds); only those are joined to their names.
 */
export async function taskItems(ctx: ServiceContext, q: DueListQuery): Promise<TaskItem[]> {
  const first = openTasks(ctx, q).select([sql<number>`t.rowid`.as('rid'), 't.due_date', (eb) => eb.fn.coalesce('t.due_time', sql.lit('99:99')).as('at'), 't.created_at'])
    .orderBy('t.due_date').orderBy('at').orderBy('t.created_at').limit(q.limit)
  // By row number: the index hands it out, so only the page's rows are read (migration 042).
  const rows = await taskQuery(ctx.db).innerJoin(first.as('x'), (join) => join.on(sql`x.rid`, '=', sql`t.rowid`))
    .orderBy('x.due_date').orderBy('x.at').orderBy('x.created_at').execute()
  return rows.map((r): TaskItem => ({
    source: 'task', kind: 'task', id: r.id, companyId: r.company_id, companyName: r.company_name, contactName: contactNameOf(r), contactPhone: r.phone || r.mobile || '',
    ownerId: r.owner_id, ownerName: r.owner_name ?? '', dueDate: r.due_date, title: r.title, titleRef: keyed(r), dueTime: r.due_time ?? '', priority: r.priority,
    createdBy: r.created_by, createdByName: r.created_by_name ?? '', relatedType: r.related_type ?? '', relatedId: r.related_id ?? '',
    view: view(r),
  }))
}
