// Public entry of the module: what other modules may use.
export * from './files.handlers'
export * from './files.service'
export * from './blob-store'
export * from './blob-client'
export * from './blob-sync'
