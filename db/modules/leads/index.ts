// Public entry of the module: what other modules may use.
export * from './leads.tables'
export * from './lead-ids'
