// Public entry of the service module. Its pages are for the composition root (app.tsx) only: another
// module never imports a page (eslint.config.js). Nothing else is used by other modules yet.
export { AssetFormPage } from './asset-form-page'
export { CaseFormPage } from './case-form-page'
export { CasePage } from './case-page'
export { FeedbackFormPage, NpsPage } from './feedback-pages'
export { ReferralFormPage, ReferralListPage } from './referral-pages'
export { ServicePage } from './service-page'
export { ServiceTriagePage } from './service-triage-page'
