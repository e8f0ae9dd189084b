// Handlers of the early-warning triggers (issue 17): the team's rules, a customer's firings, the follow-up report.
import type { HandlerMap } from '../../ipc/handler-types'
import { listFirings, triggerReport } from './trigger-firings.service'
import { listTriggerRules, saveTriggerRule } from './trigger-rules.service'

type Channels = 'triggerRules.list' | 'triggerRules.save' | 'triggerFirings.list' | 'reports.triggers'

export const triggerHandlers = {
  'triggerRules.list': ({ ctx }) => listTriggerRules(ctx),
  'triggerRules.save': ({ ctx }, input) => saveTriggerRule(ctx, input),
  'triggerFirings.list': ({ ctx }, { companyId }) => listFirings(ctx, companyId),
  'reports.triggers': ({ ctx }, range) => triggerReport(ctx, range),
} satisfies Pick<HandlerMap, Channels>
