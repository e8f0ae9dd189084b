// Public entry of the contracts module. Its pages are for the composition root (app.tsx) only: another
// module never imports a page (eslint.config.js). Nothing else is used by other modules yet.
export { ContractFormPage } from './contract-form-page'
export { ContractPage } from './contract-page'
export { ContractsPage } from './contracts-page'
export { RenewalReportPage } from './renewal-report-page'
