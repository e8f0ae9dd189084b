// Public entry of the module: what other modules may use.
export * from './segment-norms'
export * from './trigger.enums'
export * from './trigger.events'
export * from './trigger.schema'
export * from './trigger.texts'
export * from './trigger.types'
