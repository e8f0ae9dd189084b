// How far each folder of the rep's IMAP account has been read: its UIDVALIDITY and the last UID looked at,
// kept on this device (app_settings `mail.imap.state`) and saved after every batch, so an interrupted read
// resumes where it stopped. A folder the server renumbered (another UIDVALIDITY) is read again from the window's
// start; the Message-ID check keeps anything from being filed twice.
import { z } from 'zod'
import type { Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { writeSetting } from '../../../../db/platform/local.repository'

export const IMAP_STATE_KEY = 'mail.imap.state'

const folderState = z.object({ uidValidity: z.number().int().min(0), lastUid: z.number().int().min(0) })
const stateSchema = z.record(z.string(), folderState)
export type FolderState = z.infer<typeof folderState>
export type ImapState = z.infer<typeof stateSchema>

/** The stored state; a damaged value reads as nothing read yet (the Message-ID check still holds). */
export async function readImapState(db: Kysely<Database>): Promise<ImapState> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', IMAP_STATE_KEY).executeTakeFirst()
  if (!row) return {}
  try {
    const parsed = stateSchema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

/** Saves one folder's progress (read again first: the other folder's entry stays as it is). */
export async function saveFolderState(db: Kysely<Database>, folder: string, state: FolderState): Promise<void> {
  const current = await readImapState(db)
  await writeSetting(db, IMAP_STATE_KEY, JSON.stringify({ ...current, [folder]: state }))
}
