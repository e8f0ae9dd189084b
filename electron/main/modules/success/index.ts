// Public entry of the module: its services and IPC handlers (issue 17: the early-warning triggers).
export * from './trigger.handlers'
export * from './trigger-firings.service'
export * from './trigger-rules.service'
