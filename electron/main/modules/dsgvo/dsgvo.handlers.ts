// Handlers of the DSGVO area: the erasure of a person, its preview and the erasure log.
import type { HandlerMap } from '../../ipc/handler-types'
import { erasurePreview, eraseContact } from './erasure.service'
import { listErasures } from './erasure-log.service'

export const dsgvoHandlers = {
  'erasures.preview': ({ ctx }, { id }) => erasurePreview(ctx, id),
  'erasures.create': ({ ctx }, input) => eraseContact(ctx, input),
  'erasures.list': ({ ctx }) => listErasures(ctx),
} satisfies Pick<HandlerMap, 'erasures.preview' | 'erasures.create' | 'erasures.list'>
