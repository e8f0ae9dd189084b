// Public entry of the module: what other modules may use.
export * from './segment-norms'
export * from './health.settings'
export * from './health.rules'
export * from './health.texts'
export * from './team-settings'
export * from './health.schema'
