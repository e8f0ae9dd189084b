// Public entry of the module: what other modules may use.
export * from './protocol'
export * from './row-schemas'
export * from './status'
export * from './tables'
export * from './legacy-events'
export * from './sync.texts'
export * from './admin-protocol'
export * from './team-admin.texts'
