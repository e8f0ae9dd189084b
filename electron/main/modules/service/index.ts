// Public entry of the module: its services and IPC handlers; everything else in this folder is internal.
export * from './asset.service'
export { endOfGermanDay } from './case-rows'
export * from './case-workflow.service'
export * from './case.service'
export * from './feedback.service'
export * from './referral.service'
export * from './service.handlers'
export * from './use-reminders.service'
