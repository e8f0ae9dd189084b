// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
export * from './contract-document.service'
export * from './contract.service'
export * from './contracts.handlers'
export * from './renewal.service'
