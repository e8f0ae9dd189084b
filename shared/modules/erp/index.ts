// Public entry of the module: what other modules may use.
export * from './erp.enums'
export * from './erp-month'
export * from './erp.schema'
export * from './erp.texts'
