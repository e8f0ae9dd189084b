// The id of a company's ERP facts for one month, derived from both: a re-import of the month updates its row,
// two laptops importing the same month make the same row (the server takes the second insert as the same
// record, server/sync/push.ts), and the sync server's ERP endpoint computes the same id for what it writes.
// In db/ (storage-neutral, Node) so the app and the server import the one function.
import { derivedId } from '../../platform/ids'

/**
 * UUID-shaped sha-256 of `erp:<company id>:<YYYY-MM>` with the version nibble 7 of the ids the app makes (as
 * task occurrences do, planning/task-ids.ts), so every channel that takes a record id takes it.
 */
export function erpFactId(companyId: string, month: string): string {
  return derivedId(`erp:${companyId.toLowerCase()}:${month}`)
}
