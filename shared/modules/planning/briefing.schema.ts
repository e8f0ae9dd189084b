// The visit briefing ("Besuchsvorbereitung", issue 16): one page per customer for the next visit, from local
// data only, on screen and as PDF. What it holds and the rules it follows: docs/briefing.md.
import { z } from 'zod'
import { idSchema, requiredIdSchema } from '../../platform/common.schema'
import type { EventParams } from '../../platform/event-message'
import type { ContractStatus, ContractType } from '../contracts'
import type { Attitude, BuyingRole, Direction, InfluenceLevel, Station, TouchpointChannel } from '../customers'
import type { FollowUpKind, OfferStatus, PromiseStatus } from '../offers'
import type { CaseStatus, CaseType, Priority } from '../service'
import type { AppointmentKind } from './planning.enums'

export const briefingQuerySchema = z.object({
  companyId: requiredIdSchema,
  /** The appointment it prepares ('' or absent: the customer's next planned one, if any). */
  appointmentId: z.union([idSchema, z.literal('')]).default(''),
}).strict()
export const briefingPdfSchema = briefingQuerySchema.extend({ language: z.enum(['de', 'en']).default('de') }).strict()
/** The briefings of every planned appointment from today for the coming days (kept by the renderer for offline use). */
export const briefingUpcomingSchema = z.object({ days: z.number().int().min(1).max(14).default(7), language: z.enum(['de', 'en']).default('de') }).strict()
export type BriefingQuery = z.output<typeof briefingQuerySchema>

export interface BriefingAppointment {
  id: string
  kind: AppointmentKind
  title: string
  /** German wall-clock times, "YYYY-MM-DDTHH:MM". */
  startsAt: string
  endsAt: string
  /** Where: the appointment's place, else (for a visit) the customer's address. */
  location: string
  notes: string
  ownerName: string
  /** Colleagues taking part besides the owner. */
  colleagues: string[]
}

/** Someone of the customer's buying center: a participant of the appointment, or (without any) the buying center. */
export interface BriefingPerson {
  contactId: string
  name: string
  jobFunction: string
  /** From the latest conversation the person took part in, else as kept on the contact. */
  buyingRole: BuyingRole | ''
  influence: InfluenceLevel | ''
  attitude: Attitude | ''
  /** The contact's worries (Sorgen). */
  worries: string
  /** What the person cares about, from the latest conversation they took part in. */
  caresAbout: string
}

export interface BriefingOffer {
  id: string
  number: string
  status: OfferStatus
  offerDate: string
  validUntil: string
  netCents: number
  grossCents: number
  /** The next open follow-up (Nachfass), if any. */
  nextFollowUp: { dueDate: string; kind: FollowUpKind } | null
}

export interface BriefingContract {
  id: string
  number: string
  title: string
  type: ContractType
  status: ContractStatus
  endDate: string
  /** The cancel-by date while the contract renews itself and the date is still ahead; null otherwise. */
  cancelBy: string | null
  /** The value at stake: what the contract is worth a year. */
  annualValueCents: number
}

export interface BriefingCase {
  id: string
  number: string
  type: CaseType
  subject: string
  status: CaseStatus
  priority: Priority
  receivedAt: string
  acknowledgeDue: string
  resolveDue: string
  /** Which service-level deadline is next: acknowledging (while new) or resolving. */
  slaStage: 'acknowledge' | 'resolve'
  slaDue: string | null
  overdue: boolean
}

export interface BriefingScore {
  score: number
  /** The day it was given (NPS, satisfaction) or the case was resolved (a case's rating). */
  day: string
  comment: string
}

export interface BriefingSatisfaction {
  nps: BriefingScore | null
  satisfaction: BriefingScore | null
  /** The last rating of a resolved case (1–5), with its case number as comment. */
  caseRating: BriefingScore | null
}

/** The worries of the last pre-offer conversation while no offer made from it has been decided (docs/briefing.md). */
export interface BriefingWorries {
  conversationId: string
  heldAt: string
  worries: string
  /** The offers made from the conversation that are still open (they carry the answer to the worries). */
  openOfferNumbers: string[]
}

export interface BriefingPromise {
  id: string
  title: string
  dueDate: string
  status: PromiseStatus
  contactName: string
  overdue: boolean
  /** Changed after it was made: the customer should hear of it. */
  changedAt: string | null
  doneAt: string | null
}

export interface BriefingTouchpoint {
  id: string
  occurredAt: string
  channel: TouchpointChannel
  direction: Direction
  station: Station
  contactName: string
  /** An app event's key and parameters (rendered in the reader's language), and what the user wrote. */
  messageKey: string | null
  messageParams: EventParams
  summary: string
}

/** What the briefing service answers; the screen and the PDF show exactly this. */
export interface Briefing {
  companyId: string
  companyName: string
  customerNumber: string
  /** Street, postal code and city on one line. */
  address: string
  ownerName: string
  /** The appointment it prepares ('' without one). */
  appointmentId: string
  appointment: BriefingAppointment | null
  /** Whether `people` are the appointment's participants or, without any, the customer's buying center. */
  peopleFrom: 'appointment' | 'buyingCenter'
  people: BriefingPerson[]
  offers: BriefingOffer[]
  contracts: BriefingContract[]
  /** The earliest cancel-by date still ahead, with its contract and the value at stake. */
  nextCancelBy: { contractId: string; number: string; cancelBy: string; annualValueCents: number } | null
  cases: BriefingCase[]
  satisfaction: BriefingSatisfaction
  worries: BriefingWorries | null
  promises: BriefingPromise[]
  /** The last five touchpoints, newest first. */
  touchpoints: BriefingTouchpoint[]
  /** When it was put together (an instant): the offline copy says "Stand vom …". */
  generatedAt: string
  /** The Berlin day it was put together for (overdue and "ahead" are judged on it). */
  today: string
}

/** A briefing with its PDF, for the renderer's offline store. */
export interface BriefingFile {
  appointmentId: string
  companyId: string
  /** The appointment's start (German wall-clock time): the store drops briefings of past days. */
  startsAt: string
  briefing: Briefing
  fileName: string
  base64: string
}
