// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
export * from './dsgvo.handlers'
export * from './erasure.service'
export * from './lead-erasure.service'
export * from './erasure-log.service'
export * from './erasure-cleanup'
export * from './pulled-erasures'
export { accessReport } from './access-report.service'
export { auditOf, listAudit, recordAudit } from './audit.service'
