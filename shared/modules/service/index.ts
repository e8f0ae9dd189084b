// Public entry of the module: what other modules may use.
export * from './service.enums'
export * from './service.schema'
export * from './service.types'
export * from './sla.rules'
export * from './service-settings.schema'
export * from './service.events'
export * from './service.texts'
