// Handlers of attached files: list a record's files, attach, open (fetched from the sync server when not here),
// remove, and mark a record "offline verfügbar". Places derive from the database file only.
import path from 'node:path'
import type { AppContext, HandlerMap } from '../../ipc/handler-types'
import { nowIso } from '../../platform/context'
import { downloadBlob } from './blob-client'
import { blobDirOf } from './blob-store'
import { attachFile, fileContent, listFiles, markOffline, maxFileBytes, removeFile, type FilePlaces } from './files.service'

type Channels = 'files.list' | 'files.get' | 'files.attach' | 'files.remove' | 'files.setOffline'

export const filePlaces = (databasePath: string): FilePlaces => ({
  blobDir: blobDirOf(databasePath),
  documentsDir: path.join(path.dirname(databasePath), 'Dokumente'),
  maxBytes: maxFileBytes(),
})

const fetcher = async (app: AppContext) => {
  const session = await app.sync.session()
  return session ? (sha256: string) => downloadBlob(session, sha256).catch(() => null) : null
}

export const fileHandlers = {
  'files.list': ({ ctx, env }, ref) => listFiles(ctx, filePlaces(env.databasePath), ref),
  'files.get': async (app, { id }) => fileContent(app.ctx.db, filePlaces(app.env.databasePath), id, await fetcher(app), nowIso(app.ctx)),
  'files.attach': ({ ctx, env }, input) => attachFile(ctx, filePlaces(env.databasePath), input),
  'files.remove': ({ ctx }, { id }) => removeFile(ctx, id),
  'files.setOffline': ({ ctx }, input) => markOffline(ctx, input),
} satisfies Pick<HandlerMap, Channels>
