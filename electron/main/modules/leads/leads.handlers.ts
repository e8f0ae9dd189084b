// Handlers of the lead inbox (issue 19).
import type { HandlerMap } from '../../ipc/handler-types'
import { leadReport } from './lead-report.service'
import { convertLead, leadInbox, rejectLead, setLeadThreshold } from './leads.service'

type Channels = 'leads.inbox' | 'leads.convert' | 'leads.reject' | 'leads.setThreshold' | 'reports.leads'

export const leadHandlers = {
  'leads.inbox': ({ ctx }) => leadInbox(ctx),
  'leads.convert': ({ ctx }, input) => convertLead(ctx, input),
  'leads.reject': ({ ctx }, input) => rejectLead(ctx, input),
  'leads.setThreshold': ({ ctx }, { threshold }) => setLeadThreshold(ctx, threshold),
  'reports.leads': ({ ctx }, range) => leadReport(ctx, range),
} satisfies Pick<HandlerMap, Channels>
