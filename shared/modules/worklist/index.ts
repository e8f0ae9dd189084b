// Public entry of the module: what other modules may use.
export * from './worklist.schema'
export * from './worklist.types'
export * from './worklist.calendar'
export * from './worklist.texts'
export * from './worklist.filters'
