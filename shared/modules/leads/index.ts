// Public entry of the module: what other modules may use.
export * from './leads.enums'
export * from './leads.schema'
export * from './leads.texts'
export * from './leads.inbox'
export * from './leads.repost'
export * from './leads.report'
export * from './leads.report.texts'
