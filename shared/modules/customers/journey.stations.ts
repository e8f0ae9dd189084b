// The journey stations this app covers (docs/domain.md), in journey order; 1–3 are marketing's and out of scope.
export const STATIONS = ['offer', 'contract', 'usage', 'support', 'referral', 'renewal'] as const
export type Station = (typeof STATIONS)[number]

/** Station numbers as the source documents count them (9 stations in 3 phases). */
export const STATION_NUMBER: Record<Station, number> = {
  offer: 4,
  contract: 5,
  usage: 6,
  support: 7,
  referral: 8,
  renewal: 9,
}

export const STATION_PHASE: Record<Station, 'buy' | 'use'> = {
  offer: 'buy',
  contract: 'buy',
  renewal: 'buy',
  usage: 'use',
  support: 'use',
  referral: 'use',
}
