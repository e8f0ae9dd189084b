// The work list's filters beside whose entries it shows (mine / the team's, by owner on the channel): all,
// only the overdue ones, or those due this week (Monday to Sunday, Berlin days). The filter becomes the
// day ranges of the three sections, so the database reads only what is shown. Pure, for the service and tests.
import { addCalendarDays } from '../../platform/calendar/german-holidays'
import { weekOf } from '../planning'
import type { DueRange } from '../../platform/due-range'

export const WORK_LIST_WHO = ['mine', 'team'] as const
export type WorkListWho = (typeof WORK_LIST_WHO)[number]
export const WORK_LIST_WHEN = ['all', 'overdue', 'week'] as const
export type WorkListWhen = (typeof WORK_LIST_WHEN)[number]

/** "Demnächst" reaches this many days ahead. */
export const UPCOMING_DAYS = 14
/** Entries per section the list shows at first (a screenful or two); the page asks for more ("Weitere anzeigen"). */
export const WORK_LIST_PAGE = 50
/** The most entries per section one call returns (the calendar file takes this many). */
export const WORK_LIST_MAX = 1000

export const WORK_LIST_SECTIONS = ['overdue', 'dueToday', 'upcoming'] as const
export type WorkListSection = (typeof WORK_LIST_SECTIONS)[number]

/** The day range of each section under a filter; null where the filter shows nothing of that section. */
export function workListRanges(today: string, when: WorkListWhen): Record<WorkListSection, DueRange | null> {
  const yesterday = addCalendarDays(today, -1)
  const tomorrow = addCalendarDays(today, 1)
  const nonEmpty = (r: DueRange): DueRange | null => (r.from !== '' && r.from > r.to ? null : r)
  if (when === 'overdue') return { overdue: { from: '', to: yesterday }, dueToday: null, upcoming: null }
  if (when === 'week') {
    const { start, end } = weekOf(today)
    return { overdue: nonEmpty({ from: start, to: yesterday }), dueToday: { from: today, to: today }, upcoming: nonEmpty({ from: tomorrow, to: end }) }
  }
  return { overdue: { from: '', to: yesterday }, dueToday: { from: today, to: today }, upcoming: { from: tomorrow, to: addCalendarDays(today, UPCOMING_DAYS) } }
}

/** The smallest range holding every section's (the one pass that counts them all). */
export function spanOf(ranges: Record<WorkListSection, DueRange | null>): DueRange | null {
  const present = WORK_LIST_SECTIONS.map((s) => ranges[s]).filter((r): r is DueRange => r !== null)
  if (present.length === 0) return null
  return { from: present[0]!.from, to: present[present.length - 1]!.to }
}
