// What the contract handlers return.
import type { OfferItem } from '../../platform/line-items.schema'
import type { WorkItemBase } from '../../platform/work-item'
import type { NoticeUnit } from './contract.dates'
import type { CancelledBy, ChurnReason, ContractStatus, ContractType, RenewalReminderKind } from './contract.enums'

/** One term in the contract's history: how it came about. */
export interface ContractTermEntry {
  start: string
  end: string
  via: 'start' | 'tacit' | 'offer'
  offerId?: string
}

export interface Contract {
  id: string
  number: string
  companyId: string
  companyName: string
  contactId: string
  contactName: string
  offerId: string
  offerNumber: string
  type: ContractType
  title: string
  ownerId: string
  ownerName: string
  status: ContractStatus
  startDate: string
  minimumTermMonths: number
  /** The running term. */
  termStart: string
  endDate: string
  cancelBy: string
  noticeValue: number
  noticeUnit: NoticeUnit
  renewalMonths: number
  renewalLeadDays: number
  annualValueCents: number
  notes: string
  items: OfferItem[]
  terms: ContractTermEntry[]
  reviewDue: string | null
  finalDue: string | null
  cancelledBy: CancelledBy | ''
  cancellationReceivedOn: string | null
  cancellationEffectiveOn: string | null
  churnReason: ChurnReason | ''
  churnNote: string
  /** The renewal offers made for this contract, newest first; `undecided`: a draft, sent or in negotiation (at most one). */
  renewalOffers: Array<{ id: string; number: string; status: string; undecided: boolean }>
  createdAt: string
  updatedAt: string
}

export interface ContractListItem {
  id: string
  number: string
  companyId: string
  companyName: string
  title: string
  type: ContractType
  ownerName: string
  status: ContractStatus
  startDate: string
  endDate: string
  cancelBy: string
  annualValueCents: number
}

export interface RenewalPipelineBucket {
  days: number
  count: number
  annualValueCents: number
}

export interface RenewalPipeline {
  today: string
  buckets: RenewalPipelineBucket[]
  total: number
  offset: number
  rows: Array<ContractListItem & { daysLeft: number; renewalOfferStatus: string }>
}

export interface RenewalReminderItem extends WorkItemBase {
  source: 'contract'
  contractId: string
  contractNumber: string
  kind: RenewalReminderKind
  annualValueCents: number
  cancelBy: string
}

export interface RenewalRateRow {
  key: string
  due: number
  renewed: number
  churned: number
  renewedValueCents: number
  dueValueCents: number
  rateByCount: number | null
  rateByValue: number | null
}

export interface RenewalReport {
  total: RenewalRateRow
  byPeriod: RenewalRateRow[]
  byOwner: RenewalRateRow[]
  churnReasons: Array<{ reason: ChurnReason | 'no_renewal'; count: number; valueCents: number }>
}
