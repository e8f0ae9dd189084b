// A handed-over lead past its response-time target, as an entry of the one work list (issue 19).
import type { WorkItemBase } from '../../platform/work-item'

export interface LeadOverdueItem extends WorkItemBase {
  source: 'lead'
  kind: 'leadOverdue'
  score: number
  receivedAt: string
}
