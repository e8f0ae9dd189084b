// Public entry of the module: what other modules may use.
export * from './health.tables'
export * from './health.facts'
export * from './health.refresh'
export * from './team-settings.repository'
export * from './trigger.tables'
export * from './trigger-fire'
export * from './trigger-rules'
export * from './trigger-signals'
