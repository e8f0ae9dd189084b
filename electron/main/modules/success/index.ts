// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
// The Customer Health Score (health.*, healthSettings.*).
export * from './health.handlers'
export * from './health.service'
