// Public entry of the module: its handlers and what the app's start-up and other modules use.
export * from './mail.handlers'
export { MailController, type MailStatus } from './mail-controller'
export { plainMailSecrets, type MailSecrets } from './mail-accounts.service'
export { deliveryHook } from './mail-queue.service'
export { inboxReader } from './imap-inbox'
export { mailTouchpointId } from './mail-ids'
