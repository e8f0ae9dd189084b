// Public entry of the module: what other modules may use.
export * from './worklist.schema'
export type { WorkList, WorkListItem } from '../offers'
export * from './worklist.calendar'
export * from './worklist.texts'
