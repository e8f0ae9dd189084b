// Demo promises: the next steps agreed in a pre-offer conversation, some overdue, some due soon, one moved
// (changed_at) — so the work list and the conversation page show them. Chosen by the company's index, not
// by the random stream, so the rest of the demo data stays the same as before promises existed.
import type { Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import { day } from './demo-data.random'

const STEPS = [
  'Referenzliste schicken', 'Vorführtermin anbieten', 'Datenblatt Prüfstand PS-400 senden', 'Rückruf wegen Liefertermin',
  'Muster zur Erprobung bereitstellen', 'Angebot mit Wartungsvertrag nachreichen', 'Ansprechpartner im Service nennen',
] as const

export interface DemoPromiseInput {
  companyId: string
  contactId: string | null
  conversationId: string
  ownerId: string
  /** The company's index in the demo data: chooses the steps and their due dates. */
  n: number
  nowMs: number
}

/** Two promises of one conversation: one due within a few days either side of today, one in two to five weeks. */
export async function demoPromises(trx: Transaction<Database>, p: DemoPromiseInput, now: string): Promise<void> {
  const soon = (p.n % 9) - 4
  const later = 14 + (p.n % 21)
  for (const [k, offset] of [soon, later].entries()) {
    await insertSynced(trx, 'promises', {
      id: newId(), company_id: p.companyId, contact_id: p.contactId, conversation_id: p.conversationId, title: STEPS[(p.n + k * 3) % STEPS.length]!,
      due_date: day(p.nowMs + offset * 86_400_000), owner_id: p.ownerId, created_by: p.ownerId,
      // Every third moved its date once: the customer should have heard of it.
      changed_at: k === 1 && p.n % 3 === 0 ? new Date(p.nowMs - 2 * 86_400_000).toISOString() : null,
    }, now)
  }
}
