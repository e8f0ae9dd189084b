// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
export * from './company.service'
export * from './contact.service'
export { checkCompanyDuplicates, matchingContactOfCompany } from './duplicate.service'
export * from './customers.handlers'
export * from './persona.service'
export * from './touchpoint.service'
export * from './journey.service'
