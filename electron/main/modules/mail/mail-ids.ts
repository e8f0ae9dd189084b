// The id of the touchpoint that records a mail, derived from its Message-ID: the app's own record of a sent
// mail, the Sent-folder copy read back from IMAP and the same mail filed by a colleague's laptop are one row.
import { createHash } from 'node:crypto'

/** A Message-ID without angle brackets or surrounding space, as stored. */
export const bareMessageId = (value: string): string => value.trim().replace(/^<+|>+$/g, '').trim()

/**
 * UUID-shaped sha-256 of `mail:<message-id>`. It carries the version nibble 7 of the ids the app makes, so every
 * channel that takes a record id (deleting the touchpoint, say) takes it; nothing reads a time out of an id.
 */
export function mailTouchpointId(messageId: string): string {
  const hex = createHash('sha256').update(`mail:${bareMessageId(messageId).toLowerCase()}`).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
