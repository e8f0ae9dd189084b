// Handlers of ERP facts: the import's preview and run, a company's facts for its page.
import type { HandlerMap } from '../../ipc/handler-types'
import { companyErpFacts } from './erp-facts.service'
import { previewErpImport, runErpImport } from './erp-import.service'

type Channels = 'erp.preview' | 'erp.import' | 'erp.forCompany'

export const erpHandlers = {
  'erp.preview': ({ ctx }, input) => previewErpImport(ctx, input),
  'erp.import': ({ ctx }, input) => runErpImport(ctx, input),
  'erp.forCompany': ({ ctx }, { companyId }) => companyErpFacts(ctx, companyId),
} satisfies Pick<HandlerMap, Channels>
