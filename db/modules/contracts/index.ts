// Public entry of the module: what other modules may use.
export * from './contracts.table'
export * from './contract.predicates'
