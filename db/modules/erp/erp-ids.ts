// The id of a company's ERP facts for one month, derived from both: a re-import of the month updates its row,
// two laptops importing the same month make the same row (the server takes the second insert as the same
// record, server/sync/push.ts), and the sync server's ERP endpoint computes the same id for what it writes.
// In db/ (storage-neutral, Node) so the app and the server import the one function.
import { createHash } from 'node:crypto'

/**
 * UUID-shaped sha-256 of `erp:<company id>:<YYYY-MM>` with the version nibble 7 of the ids the app makes (as
 * task occurrences do, planning/task-ids.ts), so every channel that takes a record id takes it.
 */
export function erpFactId(companyId: string, month: string): string {
  const hex = createHash('sha256').update(`erp:${companyId.toLowerCase()}:${month}`).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
