// Public entry of the module: the work list's services, its registry of sources and its IPC handlers.
export * from './worklist.handlers'
export * from './worklist.service'
export * from './worklist.sources'
