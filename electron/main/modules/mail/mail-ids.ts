// The id of the touchpoint that records a mail, derived from its Message-ID: the app's own record of a sent
// mail, the Sent-folder copy read back from IMAP and the same mail filed by a colleague's laptop are one row.
import { derivedId } from '../../../../db/platform/ids'

/** A Message-ID without angle brackets or surrounding space, as stored. */
export const bareMessageId = (value: string): string => value.trim().replace(/^<+|>+$/g, '').trim()

/**
 * UUID-shaped sha-256 of `mail:<message-id>`. It carries the version nibble 7 of the ids the app makes, so every
 * channel that takes a record id (deleting the touchpoint, say) takes it; nothing reads a time out of an id.
 */
export function mailTouchpointId(messageId: string): string {
  return derivedId(`mail:${bareMessageId(messageId).toLowerCase()}`)
}
