// Public entry of the module: what other modules may use.
export * from './journey.types'
export * from './journey-map.schema'
export * from './journey-map.rules'
export * from './journey.texts'
