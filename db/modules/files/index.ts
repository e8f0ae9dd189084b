// Public entry of the module: what other modules may use.
export * from './files.table'
export * from './files.queries'
