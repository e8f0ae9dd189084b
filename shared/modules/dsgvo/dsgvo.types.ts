// What the DSGVO channels answer.
import type { OfferStatus } from '../offers'
import type { OfferDecision } from './dsgvo.enums'

/** What the confirmation shows before a person is erased (read on this laptop only). */
/** A lead never converted, found to erase its person (DSGVO Art. 17). */
export interface LeadErasureItem {
  id: string
  name: string
  email: string
  companyName: string
  status: 'new' | 'rejected'
  score: number
}

export interface ErasurePreview {
  contactId: string
  /** Shown in the confirmation only; it is never written anywhere by the erasure. */
  displayName: string
  companyId: string
  companyName: string
  /** Open (undecided) offers addressed to the person: the erasure asks what to do with them. */
  openOffers: Array<{ id: string; number: string; status: OfferStatus }>
  /** What stays, anonymised, for the statistics. */
  kept: { touchpoints: number; offers: number; contracts: number; cases: number }
}

export interface ErasureResult {
  erasureId: string
  withdrawnOffers: number
  removedDocuments: number
}

/** One entry of the erasure log: ids, who and when; never a name of the erased person. */
export interface ErasureLogEntry {
  id: string
  rowId: string
  tableName: string
  companyId: string
  companyName: string
  erasedBy: string
  erasedByName: string
  erasedAt: string
  offerDecision: OfferDecision | ''
  /** Not yet acknowledged by the sync server (the other laptops do not know it yet). */
  pending: boolean
}

export interface ErasureLog {
  entries: ErasureLogEntry[]
  /** Why this device may read the log: its sync user is a manager or admin, or it is not connected (one user). */
  access: 'manager' | 'standalone'
}
