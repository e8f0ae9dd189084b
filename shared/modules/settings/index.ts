// Public entry of the module: what other modules may use.
export * from './settings.schema'
export * from './profile.schema'
export * from './team-rules.schema'
export * from './settings.texts'
export * from './setup.schema'
