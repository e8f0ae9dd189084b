// Public entry of the module: what other modules may use.
export * from './journey.handlers'
export * from './journey.service'
