// Public entry of the module: what other modules may use.
export * from './contract-letter.types'
export * from './contract.dates'
export * from './contract.enums'
export * from './contract.schema'
export * from './contract.types'
export * from './contract-settings.schema'
export * from './contract.events'
export * from './contracts.texts'
