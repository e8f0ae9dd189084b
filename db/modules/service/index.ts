// Public entry of the module: what other modules may use.
export * from './service.table'
export * from './service.predicates'
