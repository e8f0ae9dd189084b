// The mail module's handlers: composing (compose.handlers.ts), the outbox and accounts (outbox.handlers.ts),
// the mails read from the rep's mailbox (mailbox.handlers.ts).
import { composeHandlers } from './compose.handlers'
import { mailboxHandlers } from './mailbox.handlers'
import { outboxHandlers } from './outbox.handlers'

export const mailHandlers = { ...composeHandlers, ...outboxHandlers, ...mailboxHandlers }
