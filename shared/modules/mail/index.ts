// Public entry of the module: what other modules may use.
export * from './mail.enums'
export * from './mail-compose.schema'
export * from './mail-template.rules'
export * from './outbox.schema'
export * from './mailbox.schema'
export * from './mail.texts'
export * from './outbox.texts'
export * from './mailbox.texts'
