// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
// ERP facts (issue 17): the import of a CSV/Excel file, a company's facts, the writes the demo uses too.
export * from './erp.handlers'
export * from './erp-facts.service'
export * from './erp-import.service'
export { writeFacts, type FactToWrite } from './erp-facts.write'
