// Public entry of the DSGVO module. Its pages are for the composition root (app.tsx) only: another
// module links to them by URL (the contact's form: /contacts/:id/privacy).
export { ErasurePage } from './erasure-page'
export { ErasureLogSection } from './erasure-log'
export { AccessReportPage } from './access-report-page'
export { AuditLogSection } from './audit-log'
