// DSGVO erasures that arrive by pull (docs/sync.md, "Erasure"): read what points at the person before the
// page is applied, and purge them after it, in the page's transaction (db/modules/dsgvo).
import type { Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { eraseLeadLocally, eraseLocally, erasureTargets, type ErasureTargets } from '../../../../db/modules/dsgvo'
import type { PullChange } from '../../../../shared/modules/sync/protocol'

/** People a page purged, and the offers and contracts whose letters named them. */
export interface ErasedOnPage {
  contacts: number
  records: string[]
}

interface PulledErasure {
  change: PullChange
  /** `leads`: a lead that was never converted, purged on its own (no company, nothing else points at it). */
  table: 'contacts' | 'leads'
  contactId: string
  companyId: string | null
  /** What pointed at the person before this page: the page's own anonymised rows no longer do. */
  before: ErasureTargets
}

export async function pulledErasures(trx: Transaction<Database>, changes: PullChange[]): Promise<PulledErasure[]> {
  const erasures: PulledErasure[] = []
  for (const change of changes) {
    if (change.table !== 'erasures' || change.op !== 'upsert') continue
    const { table_name: table, row_id: contactId, company_id: companyId } = change.data ?? {}
    if ((table !== 'contacts' && table !== 'leads') || typeof contactId !== 'string') continue
    const before = table === 'contacts' ? await erasureTargets(trx, contactId) : { found: false, participants: new Set<string>(), anonymised: new Map() }
    erasures.push({ change, table, contactId, companyId: typeof companyId === 'string' && companyId ? companyId : null, before })
  }
  return erasures
}

/**
 * A pulled erasure (DSGVO Art. 17) purges the person here too, in the page's transaction: also what this
 * laptop holds that the server has not anonymised yet (rows on a later page, its own unpushed edits).
 * Idempotent: the erasure that this laptop made itself, pulled back, finds nothing left.
 */
export async function applyErasures(trx: Transaction<Database>, erasures: PulledErasure[], setAside: ReadonlyMap<string, unknown>, companies: Set<string>, now: string): Promise<ErasedOnPage> {
  const erased: ErasedOnPage = { contacts: 0, records: [] }
  for (const { change, table, contactId, companyId, before } of erasures) {
    if (setAside.has(`erasures:${change.id}`)) continue
    if (table === 'leads') {
      // Counted with the people purged: the laptop scrubs its file after the pull, as the one that erased did.
      if (await eraseLeadLocally(trx, contactId)) erased.contacts++
      continue
    }
    const local = await eraseLocally(trx, contactId, now, before)
    if (local.found) erased.contacts++
    erased.records.push(...local.offers, ...local.contracts)
    if (companyId) companies.add(companyId)
  }
  return erased
}
