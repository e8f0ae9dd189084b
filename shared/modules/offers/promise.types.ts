// What the work list shows of a promise to a customer (issue 15): the entry every source has, plus what the
// promise source itself needs (its title, the conversation it was agreed in, when it last changed).
import type { WorkItemBase } from '../../platform/work-item'

/** An open promise on its owner's work list; `id` is the promise's id. */
export interface PromiseItem extends WorkItemBase {
  source: 'promise'
  /** Every entry names its kind (a follow-up's, a reminder's); a promise is one kind. */
  kind: 'promise'
  title: string
  /** The conversation it was agreed in ('' for none). */
  conversationId: string
  /** When the due date or the title last changed after it was made (the customer should hear of it). */
  changedAt: string | null
}
