// Public entry of the module: what other modules may use.
export * from './segment-norms'
export * from './dashboard.schema'
export * from './dashboard.types'
export * from './dashboard.texts'
