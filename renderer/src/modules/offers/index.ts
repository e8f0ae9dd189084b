// Public entry of the offers module. Its pages are for the composition root (app.tsx) only: another
// module never imports a page (eslint.config.js). Nothing else is used by other modules yet.
export { ConversationFormPage } from './conversation-form-page'
export { OfferFormPage } from './offer-form-page'
export { OfferListPage } from './offer-list-page'
export { OfferPage } from './offer-page'
export { OrderRatePage } from './order-rate-page'
export { ProductsPage } from './products-page'
