// Public entry of the module: what other modules may use.
export * from './company.repository'
export * from './company-refresh'
export * from './contact.repository'
export * from './customers.table'
export * from './journey.facts'
export * from './journey.repository'
export * from './persona.repository'
export * from './touchpoint.repository'
