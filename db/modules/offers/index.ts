// Public entry of the module: what other modules may use.
export * from './offers.table'
export * from './offer.predicates'
export * from './promise.table'
