// Handlers of the DSGVO area: the erasure of a person, its preview and the erasure log.
import type { HandlerMap } from '../../ipc/handler-types'
import { erasurePreview, eraseContact } from './erasure.service'
import { listErasures } from './erasure-log.service'
import { eraseLead, leadsToErase } from './lead-erasure.service'
import { accessReport } from './access-report.service'
import { listAudit } from './audit.service'

export const dsgvoHandlers = {
  'erasures.preview': ({ ctx }, { id }) => erasurePreview(ctx, id),
  'erasures.create': ({ ctx }, input) => eraseContact(ctx, input),
  'erasures.lead': ({ ctx }, input) => eraseLead(ctx, input),
  'leadErasure.list': ({ ctx }, input) => leadsToErase(ctx, input),
  'erasures.list': ({ ctx }) => listErasures(ctx),
  'access.report': ({ ctx }, { contactId, language }) => accessReport(ctx, contactId, language),
  'audit.list': ({ ctx }) => listAudit(ctx),
} satisfies Pick<HandlerMap, 'erasures.preview' | 'erasures.create' | 'erasures.lead' | 'leadErasure.list' | 'erasures.list' | 'access.report' | 'audit.list'>
