// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
export * from './conflict.service'
export * from './sync.handlers'
export * from './engine'
export * from './controller'
export * from './apply'
export * from './state'
export * from './transport'
export * from './calendar-feed.handlers'
