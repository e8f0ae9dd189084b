// The one work list: the reminders of every registered source, overdue / today / upcoming;
// done with an outcome, or snoozed; and the same entries as an iCalendar file.
import { createEvents, type EventAttributes } from 'ics'
import { addCalendarDays } from '../../../../shared/platform/calendar/german-holidays'
import type { WorkList, WorkListItem } from '../../../../shared/modules/worklist'
import { todayOf, type ServiceContext } from '../../platform/context'
import { WORK_LIST_SOURCES, workListSource } from './worklist.sources'

export const UPCOMING_DAYS = 14

/** What an entry is worth, for the order within a day (bigger first). */
const value = (i: WorkListItem) => ('grossCents' in i ? i.grossCents : 'annualValueCents' in i ? i.annualValueCents : 0)

export async function workList(ctx: ServiceContext, q: { ownerId: string; today?: string }): Promise<WorkList> {
  const today = q.today ?? todayOf(ctx)
  const horizon = addCalendarDays(today, UPCOMING_DAYS)
  const items: WorkListItem[] = []
  for (const source of WORK_LIST_SOURCES) items.push(...await source.list(ctx, { ownerId: q.ownerId, horizon }))
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || value(b) - value(a))
  return {
    today,
    overdue: items.filter((i) => i.dueDate < today),
    dueToday: items.filter((i) => i.dueDate === today),
    upcoming: items.filter((i) => i.dueDate > today),
  }
}

export async function completeWorkListItem(ctx: ServiceContext, input: { source: string; id: string; channel: string; outcome: string }): Promise<{ touchpointId: string }> {
  const { touchpointId } = await workListSource(input.source).complete(ctx, { id: input.id, channel: input.channel, outcome: input.outcome })
  return { touchpointId }
}

export async function snoozeWorkListItem(ctx: ServiceContext, input: { source: string; id: string; until: string }): Promise<{ id: string }> {
  await workListSource(input.source).snooze(ctx, { id: input.id, until: input.until })
  return { id: input.id }
}

const dateArray = (date: string): [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]

const USE_PHASE_TITLE = { warranty_ending: 'Garantieende: Servicevertrag anbieten', referral_thanks: 'Für die Empfehlung danken', ask_referral: 'Nach Empfehlung oder Referenz fragen' } as const
const icsTitle = (i: WorkListItem): string =>
  i.source === 'offer' ? `Angebot ${i.offerNumber} nachfassen` : i.source === 'contract' ? `Vertrag ${i.contractNumber} Verlängerung prüfen` : USE_PHASE_TITLE[i.kind]
const icsDetail = (i: WorkListItem): string =>
  i.source === 'offer' ? `gültig bis ${i.validUntil}` : i.source === 'contract' ? `Kündigung spätestens bis ${i.cancelBy}` : i.detail

/**
 * The open work list as an iCalendar file (all-day events), for Outlook or any calendar. Written by the
 * `ics` library (escaping, line folding, CRLF); one event per entry, its id as the UID so a re-import
 * updates instead of duplicating.
 */
export async function workListIcs(ctx: ServiceContext, q: { ownerId: string }): Promise<{ fileName: string; content: string }> {
  const list = await workList(ctx, { ownerId: q.ownerId })
  const events: EventAttributes[] = [...list.overdue, ...list.dueToday, ...list.upcoming].map((i) => ({
    uid: `${i.id}@kundenreise`,
    start: dateArray(i.dueDate),
    end: dateArray(addCalendarDays(i.dueDate, 1)),
    title: `${icsTitle(i)} – ${i.companyName}`,
    description: `${i.contactName}${i.contactPhone ? `, Tel. ${i.contactPhone}` : ''}; ${icsDetail(i)}`,
    timestamp: ctx.clock().getTime(),
  }))
  const { error, value } = createEvents(events, { productId: '-//Kundenreise//Nachfassen//DE', calName: 'Kundenreise' })
  if (error || !value) throw error ?? new Error('calendar could not be written')
  return { fileName: 'kundenreise-nachfassen.ics', content: value }
}
