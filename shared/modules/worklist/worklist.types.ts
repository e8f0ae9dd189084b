// The one work list: the entries of every registered source, by due date. The page and the calendar file
// use only what every entry has (WorkItemBase and its view); the source-specific fields are for the
// sources themselves and their tests. A new source adds its item type here and a line to the registry.
import type { RenewalReminderItem } from '../contracts'
import type { FollowUpItem, PromiseItem } from '../offers'
import type { UsePhaseReminderItem } from '../service'
import type { TaskItem } from '../planning'

export type WorkListItem = FollowUpItem | RenewalReminderItem | UsePhaseReminderItem | PromiseItem | TaskItem

export interface WorkList {
  today: string
  overdue: WorkListItem[]
  dueToday: WorkListItem[]
  upcoming: WorkListItem[]
}
