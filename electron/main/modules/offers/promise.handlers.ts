// Handlers of promises to customers and the conversation confirmation.
import path from 'node:path'
import type { HandlerMap } from '../../ipc/handler-types'
import { cancelPromise, completePromise, createPromise, listPromises, updatePromise } from './promise.service'
import { conversationDocument } from './conversation-document.service'

type PromiseChannels = 'promises.list' | 'promises.create' | 'promises.update' | 'promises.complete' | 'promises.cancel' | 'conversations.confirmation'

export const promiseHandlers = {
  'promises.list': ({ ctx }, q) => listPromises(ctx, q),
  'promises.create': ({ ctx }, fields) => createPromise(ctx, fields),
  'promises.update': ({ ctx }, { id, ...fields }) => updatePromise(ctx, id, fields),
  'promises.complete': ({ ctx }, { id }) => completePromise(ctx, id),
  'promises.cancel': ({ ctx }, { id }) => cancelPromise(ctx, id),
  'conversations.confirmation': async (app, input) => {
    const document = await conversationDocument(app.ctx, input, path.join(path.dirname(app.env.databasePath), 'Dokumente'))
    await app.openPath?.(document.savedPath) // desktop: open it in the word processor (DOCX) or the PDF viewer
    return document
  },
} satisfies Pick<HandlerMap, PromiseChannels>
