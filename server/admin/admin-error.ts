import type { AdminRefusal } from '../../shared/modules/sync'

/** A refused administrative change: the message for the command line, the reason for the app (admin-protocol.ts). */
export class AdminError extends Error {
  constructor(message: string, readonly reason: AdminRefusal = 'bad_input') {
    super(message)
  }
}
