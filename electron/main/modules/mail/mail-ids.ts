// The id of the touchpoint that records a mail, derived from its Message-ID: the app's own record of a sent
// mail, the Sent-folder copy read back from IMAP and the same mail filed by a colleague's laptop are one row.
import { createHash } from 'node:crypto'

/** A Message-ID without angle brackets or surrounding space, as stored. */
export const bareMessageId = (value: string): string => value.trim().replace(/^<+|>+$/g, '').trim()

/** UUID-shaped (version nibble 8: a name-based id of our own) sha-256 of `mail:<message-id>`. */
export function mailTouchpointId(messageId: string): string {
  const hex = createHash('sha256').update(`mail:${bareMessageId(messageId).toLowerCase()}`).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
