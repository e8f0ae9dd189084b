// The id of a repeating task's next occurrence, derived from its series and number: when the assigner and the
// assignee both complete the same occurrence offline, both laptops make the same row, and the server takes the
// second insert as the same record (server/sync/push.ts) instead of forking the series.
import { createHash } from 'node:crypto'

/**
 * UUID-shaped sha-256 of `task:<series id>:<occurrence>` with the version nibble 7 of the ids the app makes (as
 * mail touchpoints do, mail-ids.ts), so every channel that takes a record id takes it; nothing reads a time out of it.
 */
export function taskOccurrenceId(seriesId: string, occurrence: number): string {
  const hex = createHash('sha256').update(`task:${seriesId.toLowerCase()}:${occurrence}`).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
