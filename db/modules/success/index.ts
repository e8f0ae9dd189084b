// Public entry of the module: what other modules may use.
export * from './trigger.tables'
export * from './trigger-fire'
export * from './trigger-rules'
export * from './trigger-signals'
