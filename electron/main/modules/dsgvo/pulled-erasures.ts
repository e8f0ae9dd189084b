// Erasures that arrive by sync: the page that brings them purges the person inside its own transaction
// (db/modules/dsgvo, called from the sync module's apply), and after the pull the laptop removes the
// letters addressed to them and the bytes of the files attached to them, and scrubs its file, exactly as the laptop that erased did.
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { sweepBlobs } from '../files'
import { removeDocuments, scrubDatabase } from './erasure-cleanup'

export interface PulledErasures {
  /** People purged from this laptop by the pull. */
  contacts: number
  /** Offers and contracts whose letters were addressed to them. */
  records: string[]
}

export async function afterPulledErasures(db: Kysely<Database>, erasures: PulledErasures): Promise<void> {
  if (erasures.contacts === 0 && erasures.records.length === 0) return
  await removeDocuments(db, erasures.records)
  await sweepBlobs(db)
  await scrubDatabase(db)
}
