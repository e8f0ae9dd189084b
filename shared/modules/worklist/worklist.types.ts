// The one work list: the entries of every registered source, by due date. The page and the calendar file
// use only what every entry has (WorkItemBase and its view); the source-specific fields are for the
// sources themselves and their tests. A new source adds its item type here and a line to the registry.
import type { RenewalReminderItem } from '../contracts'
import type { ApprovalItem, FollowUpItem, PromiseItem } from '../offers'
import type { UsePhaseReminderItem } from '../service'
import type { TaskItem } from '../planning'
import type { LeadOverdueItem } from '../leads'
import type { WorkListSection, WorkListWhen } from './worklist.filters'

export type WorkListItem = FollowUpItem | RenewalReminderItem | UsePhaseReminderItem | PromiseItem | TaskItem | ApprovalItem | LeadOverdueItem

/** How many entries each section holds in all (a section lists at most the query's `limit` of them). */
export type WorkListCounts = Record<WorkListSection, number>

export interface WorkList {
  today: string
  when: WorkListWhen
  /** The most urgent first: by due day, then the higher value; at most `limit` per section. */
  overdue: WorkListItem[]
  dueToday: WorkListItem[]
  upcoming: WorkListItem[]
  counts: WorkListCounts
}
