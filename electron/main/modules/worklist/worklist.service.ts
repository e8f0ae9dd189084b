// The one work list: the reminders of every registered source, overdue / today / upcoming;
// done with an outcome, or snoozed; and the same entries as an iCalendar file.
import { createEvents, type EventAttributes } from 'ics'
import { addCalendarDays } from '../../../../shared/platform/calendar/german-holidays'
import {
  spanOf, WORK_LIST_MAX, WORK_LIST_PAGE, WORK_LIST_SECTIONS, workListRanges,
  type WorkList, type WorkListCounts, type WorkListItem, type WorkListSection, type WorkListWhen,
} from '../../../../shared/modules/worklist'
import type { MessageRef } from '../../../../shared/platform/event-message'
import type { Language, TouchpointChannel } from '../../../../shared/modules/customers'
import { eventMessage } from '../../../../shared/i18n/event-text'
import { todayOf, type ServiceContext } from '../../platform/context'
import { WORK_LIST_SOURCES, workListSource } from './worklist.sources'

const NO_COUNTS: WorkListCounts = { overdue: 0, dueToday: 0, upcoming: 0 }
const add = (a: WorkListCounts, b: WorkListCounts): WorkListCounts => ({ overdue: a.overdue + b.overdue, dueToday: a.dueToday + b.dueToday, upcoming: a.upcoming + b.upcoming })
const byUrgency = (a: WorkListItem, b: WorkListItem) => a.dueDate.localeCompare(b.dueDate) || b.view.valueCents - a.view.valueCents

/**
 * The work list under a filter: each section's first `limit` entries, the most urgent first, and how many
 * each holds in all. Every source counts its span of days in one pass and lists only the sections where it
 * has entries, each from its own index, so the list costs the same with 50 or 50,000 open entries. Once a
 * section holds `limit` entries, the next sources are asked only up to the day of its `limit`-th (an entry due
 * later cannot be among the first): each row read for the page costs a page of the file when the cache is cold.
 */
export async function workList(ctx: ServiceContext, q: { ownerId: string; today?: string; when?: WorkListWhen; limit?: number }): Promise<WorkList> {
  const today = q.today ?? todayOf(ctx)
  const when = q.when ?? 'all'
  const limit = q.limit ?? WORK_LIST_PAGE
  const ranges = workListRanges(today, when)
  const span = spanOf(ranges)
  const sections: Record<WorkListSection, WorkListItem[]> = { overdue: [], dueToday: [], upcoming: [] }
  let counts = NO_COUNTS
  if (span) {
    const own = []
    for (const source of WORK_LIST_SOURCES) {
      const sourceCounts = await source.count(ctx, { ownerId: q.ownerId, ...span, today })
      counts = add(counts, sourceCounts)
      own.push({ source, counts: sourceCounts })
    }
    for (const section of WORK_LIST_SECTIONS) {
      const range = ranges[section]
      if (!range) continue
      let to = range.to
      for (const { source, counts: sourceCounts } of own) {
        if (sourceCounts[section] === 0) continue
        // Stable: entries of equal day and value keep the sources' order.
        sections[section] = [...sections[section], ...await source.list(ctx, { ownerId: q.ownerId, from: range.from, to, limit })].sort(byUrgency).slice(0, limit)
        if (sections[section].length === limit) to = sections[section][limit - 1]!.dueDate
      }
    }
  }
  return { today, when, overdue: sections.overdue, dueToday: sections.dueToday, upcoming: sections.upcoming, counts }
}

export async function completeWorkListItem(ctx: ServiceContext, input: { source: string; id: string; channel: TouchpointChannel; outcome: string }): Promise<{ touchpointId: string }> {
  const { touchpointId } = await workListSource(input.source).complete(ctx, { id: input.id, channel: input.channel, outcome: input.outcome })
  return { touchpointId }
}

export async function snoozeWorkListItem(ctx: ServiceContext, input: { source: string; id: string; until: string }): Promise<{ id: string }> {
  await workListSource(input.source).snooze(ctx, { id: input.id, until: input.until })
  return { id: input.id }
}

const dateArray = (date: string): [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]

/** A message of an entry's view in the reader's language. */
const render = (language: Language, m: MessageRef): string => eventMessage(language, m.key, m.params)

/**
 * The open work list as an iCalendar file (all-day events), for Outlook or any calendar. Written by the
 * `ics` library (escaping, line folding, CRLF); one event per entry, its id as the UID so a re-import
 * updates instead of duplicating.
 */
export async function workListIcs(ctx: ServiceContext, q: { ownerId: string; language?: Language }): Promise<{ fileName: string; content: string }> {
  const language = q.language ?? 'de'
  const list = await workList(ctx, { ownerId: q.ownerId, limit: WORK_LIST_MAX })
  const events: EventAttributes[] = [...list.overdue, ...list.dueToday, ...list.upcoming].map((i) => ({
    uid: `${i.id}@kundenreise`,
    start: dateArray(i.dueDate),
    end: dateArray(addCalendarDays(i.dueDate, 1)),
    title: `${render(language, i.view.calendarTitle)} – ${i.companyName}`,
    description: `${i.contactName}${i.contactPhone ? `, ${eventMessage(language, 'calendar.phone', { phone: i.contactPhone })}` : ''}; ${render(language, i.view.calendarDetail)}`,
    timestamp: ctx.clock().getTime(),
  }))
  const { error, value } = createEvents(events, { productId: '-//Kundenreise//Nachfassen//DE', calName: 'Kundenreise' })
  if (error || !value) throw error ?? new Error('calendar could not be written')
  return { fileName: 'kundenreise-nachfassen.ics', content: value }
}
