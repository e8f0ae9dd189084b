// The work list's filters beside whose entries it shows (mine / the team's, by owner on the channel): all,
// only the overdue ones, or those due this week (Monday to Sunday, Berlin days). Pure, for the page and tests.
import { weekOf } from '../planning'
import type { WorkList } from './worklist.types'

export const WORK_LIST_WHO = ['mine', 'team'] as const
export type WorkListWho = (typeof WORK_LIST_WHO)[number]
export const WORK_LIST_WHEN = ['all', 'overdue', 'week'] as const
export type WorkListWhen = (typeof WORK_LIST_WHEN)[number]

export function filterWorkList(list: WorkList, when: WorkListWhen): WorkList {
  if (when === 'all') return list
  if (when === 'overdue') return { ...list, dueToday: [], upcoming: [] }
  const { start, end } = weekOf(list.today)
  const inWeek = <T extends { dueDate: string }>(items: T[]) => items.filter((i) => i.dueDate >= start && i.dueDate <= end)
  return { today: list.today, overdue: inWeek(list.overdue), dueToday: list.dueToday, upcoming: inWeek(list.upcoming) }
}
