// Public entry of the customers module. Its pages are for the composition root (app.tsx) only: another
// module never imports a page (eslint.config.js). Nothing else is used by other modules yet.
export { CompanyFormPage } from './company-form-page'
export { CompanyListPage, type CompanyHealth } from './company-list-page'
export { CompanyPage } from './company-page'
export { ContactFormPage } from './contact-form-page'
export { ContactListPage } from './contact-list-page'
export { CustomerImportPage } from './customer-import-page'
export { DuplicatesPage } from './duplicates-page'
export { RetentionPage } from './retention-page'
export { PersonaFormPage, PersonaListPage } from './persona-pages'
export { TouchpointFormPage } from './touchpoint-form-page'
export { TouchpointListPage } from './touchpoint-list-page'
// Used by the pages of offers, contracts and cases: the record's own timeline (its mails).
export { RecordTimeline } from './record-timeline'
