// Public entry of the module: what other modules may use.
export * from './erasures.table'
export * from './erase-locally'
export * from './audit.table'
