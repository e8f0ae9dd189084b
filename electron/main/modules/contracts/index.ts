// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
export * from './cancellation.service'
export * from './continuation.service'
export * from './contract-document.service'
export * from './contract-roll.service'
export { parseLog, termColumns, workdayRule } from './contract-terms'
export * from './contract.service'
export * from './contracts.handlers'
export * from './renewal.service'
