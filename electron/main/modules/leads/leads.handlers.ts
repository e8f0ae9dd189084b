// Handlers of the lead inbox (issue 19) and of the team's lead rules (threshold, territories).
import type { HandlerMap } from '../../ipc/handler-types'
import { leadReport } from './lead-report.service'
import { convertLead, getLeadRules, leadInbox, leadQualificationOfCompany, qualifyLead, rejectLead, updateLeadRules } from './leads.service'

type Channels = 'leads.inbox' | 'leads.qualify' | 'leads.convert' | 'leads.reject' | 'leadQualification.get' | 'leadRules.get' | 'leadRules.update' | 'reports.leads'

export const leadHandlers = {
  'leads.inbox': ({ ctx }) => leadInbox(ctx),
  'leads.qualify': ({ ctx }, input) => qualifyLead(ctx, input),
  'leads.convert': ({ ctx }, input) => convertLead(ctx, input),
  'leads.reject': ({ ctx }, input) => rejectLead(ctx, input),
  'leadQualification.get': ({ ctx }, input) => leadQualificationOfCompany(ctx, input),
  'leadRules.get': ({ ctx }) => getLeadRules(ctx),
  'leadRules.update': ({ ctx }, input) => updateLeadRules(ctx, input),
  'reports.leads': ({ ctx }, range) => leadReport(ctx, range),
} satisfies Pick<HandlerMap, Channels>
