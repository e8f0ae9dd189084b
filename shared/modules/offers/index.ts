// Public entry of the module: what other modules may use.
export * from './csv'
export * from './follow-up.rules'
export * from './offer.enums'
export * from './offer.schema'
export * from './offer.types'
export * from './offer-settings.schema'
export * from './offer.events'
export * from './offers.texts'
