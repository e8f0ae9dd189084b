// Public entry of the module: what other modules may use.
export * from './company.schema'
export * from './contact.schema'
export * from './customer.enums'
export * from './customer.types'
export * from './journey.rules'
export * from './journey.stations'
export * from './persona.schema'
export * from './touchpoint.schema'
