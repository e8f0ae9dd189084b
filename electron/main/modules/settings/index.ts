// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
export * from './app.handlers'
export * from './profile.service'
export * from './settings.service'
export * from './team-rules.service'
