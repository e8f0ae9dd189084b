// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
// The manager's dashboard (reports.dashboard*) and the Customer Health Score (health.*, healthSettings.*), the early-warning triggers.
export * from './dashboard.service'
export * from './dashboard-rows.service'
export * from './success.handlers'
export * from './health.handlers'
export * from './health.service'
export * from './trigger.handlers'
export * from './trigger-firings.service'
export * from './trigger-rules.service'
