// Public entry of the module: what other modules may use.
export * from './dsgvo.enums'
export * from './dsgvo.schema'
export * from './dsgvo.texts'
export * from './dsgvo.types'
export * from './erasure.rules'
export * from './access-report.types'
export * from './access.texts'
export * from './audit.types'
