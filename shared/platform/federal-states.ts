// The 16 German federal states (ISO 3166-2:DE codes without the prefix): public holidays and business
// days depend on them, so they belong to the platform; the customers module uses them for addresses.
export const FEDERAL_STATES = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const
export type FederalState = (typeof FEDERAL_STATES)[number]

export const isFederalState = (value: string): value is FederalState => (FEDERAL_STATES as readonly string[]).includes(value)
