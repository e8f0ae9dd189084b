// Public entry of the module: what other modules may use.
export * from './erp.tables'
export * from './erp-ids'
