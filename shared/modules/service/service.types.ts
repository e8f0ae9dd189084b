// What the use-phase handlers return.
import type { Station } from '../customers'
import type { WorkItemBase } from '../../platform/work-item'
import type { EventParams } from '../../platform/event-message'
import type { CaseChannel, CaseEventKind, CaseStatus, CaseType, FeedbackKind, Priority, ReferralStatus, ReturnStatus, WarrantyDecision } from './service.enums'

export interface Asset {
  id: string
  companyId: string
  companyName: string
  productId: string
  name: string
  serialNumber: string
  site: string
  deliveredOn: string | null
  installedOn: string | null
  warrantyEnd: string | null
  contractId: string
  contractNumber: string
  notes: string
  warrantyReminderDue: string | null
}

export interface CaseLine {
  id: string
  productId: string
  name: string
  quantity: number
  reason: string
}

export interface CaseEvent {
  id: string
  at: string
  kind: CaseEventKind
  /** What the user wrote; the event itself is the message key and parameters (shared/i18n/event-text.ts). */
  text: string
  messageKey: string | null
  messageParams: EventParams
  customerInformed: boolean
  byName: string
}

export interface ServiceCase {
  id: string
  number: string
  type: CaseType
  companyId: string
  companyName: string
  federalState: string
  contactId: string
  contactName: string
  assetId: string
  assetName: string
  assetWarrantyEnd: string | null
  channel: CaseChannel
  receivedAt: string
  subject: string
  description: string
  priority: Priority
  ownerId: string
  ownerName: string
  status: CaseStatus
  acknowledgeDue: string
  resolveDue: string
  /** The next service-level deadline while the case is open (acknowledge, then resolve); null when done. */
  slaDue: string | null
  acknowledgedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  rejectionReason: string
  category: string
  rootCause: string
  correctiveAction: string
  goodwillCents: number
  satisfaction: number | null
  underWarranty: boolean | null
  warrantyDecision: WarrantyDecision | ''
  decisionReason: string
  rmaNumber: string
  returnStatus: ReturnStatus | ''
  lines: CaseLine[]
  events: CaseEvent[]
}

export interface CaseListItem {
  id: string
  number: string
  type: CaseType
  companyId: string
  companyName: string
  subject: string
  priority: Priority
  status: CaseStatus
  ownerName: string
  receivedAt: string
  slaDue: string | null
  overdue: boolean
}

export interface ServiceWorkList {
  now: string
  mine: CaseListItem[]
  teamOverdue: CaseListItem[]
}

export interface Referral {
  id: string
  companyId: string
  companyName: string
  contactId: string
  contactName: string
  referredCompanyId: string
  referredCompanyName: string
  status: ReferralStatus
  note: string
  createdAt: string
  thankDue: string | null
  thankedAt: string | null
  reward: string
  rewardValueCents: number
}

export interface Feedback {
  id: string
  companyId: string
  companyName: string
  contactId: string
  contactName: string
  kind: FeedbackKind
  station: Station | ''
  givenOn: string
  score: number | null
  comment: string
  quotePermission: boolean
  beforeFigure: string
  afterFigure: string
  askDue: string | null
}

export interface NpsRow {
  key: string
  answers: number
  promoters: number
  passives: number
  detractors: number
  nps: number | null
}

export interface NpsReport {
  total: NpsRow
  byPeriod: NpsRow[]
  bySegment: NpsRow[]
  satisfactionAverage: number | null
  testimonials: Array<{ id: string; companyName: string; contactName: string; comment: string; beforeFigure: string; afterFigure: string; givenOn: string }>
}

/** A reminder of the use phase on the work list. */
export interface UsePhaseReminderItem extends WorkItemBase {
  source: 'asset' | 'referral' | 'feedback'
  subjectId: string
  kind: 'warranty_ending' | 'referral_thanks' | 'ask_referral'
  /** What it is about: the asset and its warranty end, the referred company, the score. */
  detail: string
}
