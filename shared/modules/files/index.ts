// Public entry of the module: what other modules may use.
export * from './files.rules'
export * from './files.sniff'
export * from './files.schema'
export * from './files.types'
export * from './files.texts'
