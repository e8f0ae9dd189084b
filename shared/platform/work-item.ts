// What every entry of the work list carries, whatever its source (follow-up, renewal, use-phase reminder,
// and whatever plugs in next): whom to call about what, whose it is, when, and how to show it. The source
// describes its entry (`view`) with messages the reader's language renders, so the page and the calendar
// file show any source without knowing it.
import type { MessageRef } from './event-message'

export interface WorkItemView {
  /** One line naming the entry ("1. Nachfassen A-2026-… – Firma"), for screen readers. */
  label: MessageRef
  /** The record it is about: its number linking to its page, or a badge naming the reminder. */
  subject: { text: string; href: string; textRef?: MessageRef | null } | { badge: MessageRef }
  /** Kind, value and date, shown after the contact. */
  detail: MessageRef
  /** Title and description of the entry in the calendar file. */
  calendarTitle: MessageRef
  calendarDetail: MessageRef
  /** What it is worth, to order a day's entries (bigger first). */
  valueCents: number
}

export interface WorkItemBase {
  /** The source's name in the work-list registry; with `id` it addresses the entry (complete, snooze). */
  source: string
  id: string
  companyId: string
  companyName: string
  contactName: string
  contactPhone: string
  ownerId: string
  ownerName: string
  dueDate: string
  view: WorkItemView
}
