// What the offer channels answer with.
import type { OfferTotals } from '../../platform/line-item-totals'
import type { OfferItem } from '../../platform/line-items.schema'
import type { WorkItemBase } from '../../platform/work-item'

export type { OfferItem } from '../../platform/line-items.schema'
export type { WorkItemBase } from '../../platform/work-item'
import type { FollowUpKind, LostReason, OfferStatus } from './offer.enums'
import type { Segment } from '../customers'

export interface Product {
  id: string
  sku: string
  name: string
  description: string
  unit: string
  listPriceCents: number
  /** null when unknown (issue 18: margin floor). */
  purchasePriceCents: number | null
  vatRate: 19 | 7 | 0
  warrantyMonths: number
  active: boolean
}

export interface Participant {
  contactId: string
  contactName: string
  buyingRole: string
  influence: string
  attitude: string
  caresAbout: string
}

export interface Conversation {
  id: string
  companyId: string
  companyName: string
  heldAt: string
  situation: string
  needs: string
  goals: string
  worries: string
  decisionCriteria: string
  budget: string
  decisionTimeline: string
  decisionProcess: string
  competitors: string
  nextSteps: string
  participants: Participant[]
  offerCount: number
}

export interface FollowUp {
  id: string
  offerId: string
  kind: FollowUpKind
  dueDate: string
  plannedDate: string
  status: 'open' | 'done' | 'cancelled'
  doneAt: string | null
  outcome: string
}

export interface OfferRevisionInfo {
  revision: number
  sentAt: string
}

export interface Offer {
  id: string
  number: string
  companyId: string
  companyName: string
  contactId: string
  contactName: string
  conversationId: string
  /** A renewal offer: the contract it continues, its number, and the new term in months. */
  contractId: string
  contractNumber: string
  contractTermMonths: number
  ownerId: string
  ownerName: string
  status: OfferStatus
  revision: number
  /** The current revision has been sent and is frozen; changing it makes a new revision. */
  currentRevisionSent: boolean
  offerDate: string
  validUntil: string
  offerDiscountPercent: number
  paymentNetDays: number
  skontoPercent: number
  skontoDays: number
  deliveryTerms: string
  introduction: string
  benefits: string
  items: OfferItem[]
  totals: OfferTotals
  sentAt: string | null
  closedAt: string | null
  orderDate: string | null
  orderValueCents: number | null
  lostReason: LostReason | ''
  lostCompetitor: string
  lostNote: string
  /** "Wieder melden am" of an offer lost for timing or budget ('' when none). */
  recontactOn: string
  revisions: OfferRevisionInfo[]
  followUps: FollowUp[]
  createdAt: string
  updatedAt: string
}

export interface OfferListItem {
  id: string
  number: string
  companyId: string
  companyName: string
  ownerName: string
  status: OfferStatus
  revision: number
  offerDate: string
  validUntil: string
  grossCents: number
  withConversation: boolean
}

/** What every entry of the work list has: whom to call about what, whose it is, when. */

/** An offer's follow-up on the work list. */
export interface FollowUpItem extends WorkItemBase {
  source: 'offer'
  offerId: string
  offerNumber: string
  kind: FollowUpKind
  grossCents: number
  validUntil: string
}

/** One row of the order-rate report; `K` is what its key names (a period, an owner, a segment). */
export interface OrderRateRow<K extends string = string> {
  key: K
  decided: number
  won: number
  lost: number
  wonValueCents: number
  decidedValueCents: number
  /** Won ÷ decided (won + lost), by count and by value; null when nothing was decided. */
  rateByCount: number | null
  rateByValue: number | null
}

/** Why a decided offer was not won: its lost reason ('' when none was given), or `expired`. */
export type ParetoReason = LostReason | 'expired' | ''

export interface OrderRateReport {
  total: OrderRateRow
  byPeriod: OrderRateRow[]
  byOwner: OrderRateRow[]
  bySegment: OrderRateRow<Segment | ''>[]
  withConversation: OrderRateRow
  withoutConversation: OrderRateRow
  /** Lost reasons, most frequent first, with the running share for the Pareto line. */
  lostReasons: Array<{ reason: ParetoReason; count: number; valueCents: number; cumulativeShare: number }>
  /** Sent offers whose first follow-up was done on or before its due date. */
  followUpDiscipline: { due: number; onTime: number; share: number | null }
  /** Discount approvals requested in the period (issue 18). */
  approvals: ApprovalStats
}

/** Offers that needed a discount approval, how many requests were decided, the median hours to the decision. */
export interface ApprovalStats { offers: number; decided: number; medianHoursToDecision: number | null }
