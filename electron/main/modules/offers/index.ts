// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
export * from './conversation.service'
export * from './follow-up.service'
export * from './offer-document.service'
export * from './offer.service'
export * from './offers.handlers'
export * from './order-rate.service'
export * from './product.service'
export * from './promise.handlers'
