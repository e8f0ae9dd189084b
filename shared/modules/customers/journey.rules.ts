// Where a customer stands on the journey, decided from facts. Pure, so every client computes the same.
import type { CompanyStatus } from '../customers'
import type { Station } from './journey.stations'

/**
 * The facts the station is decided from. Later stations (offers, contracts, cases, referrals) fill
 * in their optional facts; a missing fact counts as "none".
 */
export interface JourneyFacts {
  status: CompanyStatus
  latestTouchpointStation?: Station | null
  openCaseCount?: number
  inRenewalWindow?: boolean
  openOfferCount?: number
  activeContract?: boolean
  /** A contract signed but not yet started, or started within the last 30 days. */
  newContract?: boolean
  referralOrPromoter?: boolean
}

/** Why a customer stands where they stand: stored with every change of station (journey_changes.reason). */
export const JOURNEY_REASONS = [
  'open_cases', 'renewal_window', 'open_offer', 'referral', 'new_contract', 'active_contract', 'latest_touchpoint', 'status', 'former_customer',
] as const
export type JourneyReason = (typeof JOURNEY_REASONS)[number]

export interface JourneyPosition {
  station: Station | null
  reason: JourneyReason
}

/**
 * Structural facts outrank touchpoints: an open complaint puts a customer at support whatever was
 * logged last. Without any structural fact the latest touchpoint decides, then the status.
 */
export function currentStation(facts: JourneyFacts): JourneyPosition {
  if ((facts.openCaseCount ?? 0) > 0) return { station: 'support', reason: 'open_cases' }
  if (facts.inRenewalWindow) return { station: 'renewal', reason: 'renewal_window' }
  if ((facts.openOfferCount ?? 0) > 0) return { station: 'offer', reason: 'open_offer' }
  if (facts.newContract) return { station: 'contract', reason: 'new_contract' }
  if (facts.referralOrPromoter) return { station: 'referral', reason: 'referral' }
  if (facts.activeContract) return { station: 'usage', reason: 'active_contract' }
  if (facts.status === 'former') return { station: null, reason: 'former_customer' }
  if (facts.latestTouchpointStation) return { station: facts.latestTouchpointStation, reason: 'latest_touchpoint' }
  return { station: facts.status === 'customer' ? 'usage' : 'offer', reason: 'status' }
}
