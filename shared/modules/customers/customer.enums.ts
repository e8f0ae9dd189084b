// The closed value lists of the customer area. Labels live in the i18n catalogue under `enum.<list>.<value>`.

export { FEDERAL_STATES, type FederalState } from '../../platform/federal-states'

export const COMPANY_STATUSES = ['prospect', 'customer', 'former'] as const
export type CompanyStatus = (typeof COMPANY_STATUSES)[number]

export const SEGMENTS = ['enterprise', 'mid_market', 'small_business'] as const
export type Segment = (typeof SEGMENTS)[number]

export const LEAD_SOURCES = ['referral', 'trade_fair', 'website', 'inbound_call', 'outbound', 'partner', 'event', 'existing_customer', 'other'] as const
export type LeadSource = (typeof LEAD_SOURCES)[number]

export const SALUTATIONS = ['ms', 'mr', 'none'] as const
export type Salutation = (typeof SALUTATIONS)[number]

/** Buying-center roles; the pre-offer conversation uses the same list. */
export const BUYING_ROLES = ['decision_maker', 'purchaser', 'user', 'controller', 'management', 'influencer', 'gatekeeper'] as const
export type BuyingRole = (typeof BUYING_ROLES)[number]

export const ATTITUDES = ['supporter', 'neutral', 'sceptic'] as const
export type Attitude = (typeof ATTITUDES)[number]

export const INFLUENCE_LEVELS = ['low', 'medium', 'high'] as const
export type InfluenceLevel = (typeof INFLUENCE_LEVELS)[number]

/**
 * The traffic light of the Customer Health Score (the success module computes it). Its values live here because
 * the company list filters and shows them and customers is below success; success re-exports them.
 */
export const HEALTH_LIGHTS = ['green', 'yellow', 'red'] as const
export type HealthLight = (typeof HEALTH_LIGHTS)[number]

export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const TOUCHPOINT_CHANNELS = ['visit', 'phone', 'email', 'video_call', 'letter', 'trade_fair', 'event', 'website', 'chat', 'other'] as const
export type TouchpointChannel = (typeof TOUCHPOINT_CHANNELS)[number]

/** The record a touchpoint may belong to besides its customer (a mail about an offer shows on the offer). */
export const TOUCHPOINT_RELATED_TYPES = ['offer', 'contract', 'case', 'conversation', 'promise', 'referral', 'task', 'appointment'] as const
export type TouchpointRelatedType = (typeof TOUCHPOINT_RELATED_TYPES)[number]

export const DIRECTIONS = ['inbound', 'outbound'] as const
export type Direction = (typeof DIRECTIONS)[number]

/** Direct: we talked to the customer ourselves; indirect: via a partner, dealer, review, colleague. */
export const TOUCHPOINT_MODES = ['direct', 'indirect'] as const
export type TouchpointMode = (typeof TOUCHPOINT_MODES)[number]

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number]
export { CONSENT_CHANNELS, CONSENT_PURPOSES, type ConsentChannel, type ConsentPurpose } from './consent.schema'
