// Public entry of the module: its services and IPC handlers.
export * from './leads.service'
export * from './leads.handlers'
export * from './lead-report.service'
export * from './lead-worklist.source'
