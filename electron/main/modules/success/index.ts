// Public entry of the module: what other modules may use.
export * from './dashboard.service'
export * from './dashboard-rows.service'
export * from './success.handlers'
