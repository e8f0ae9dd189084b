// A lead posted again by marketing automation (issue 19, docs/leads.md "Updating a posted lead"): the sender posts
// the same lead (its own id) each time it collects points. A scoring event is identified by its time and activity,
// so a retried or overlapping post adds no event twice; the score follows the post when the post brings a new
// event or a higher score, and a post that brings neither (the same post retried, or an older one arriving late)
// changes nothing.
import { LEAD_MAX_EVENTS } from './leads.enums'
import type { LeadEvent } from './leads.schema'

/** An event's identity: the instant (whatever the zone notation) and the activity. */
export const leadEventKey = (event: Pick<LeadEvent, 'at' | 'activity'>): string => `${Date.parse(event.at)}|${event.activity}`

export interface LeadFacts {
  score: number
  events: LeadEvent[]
}

/**
 * The stored facts after a repost: `null` when the post changes nothing, `'too_many'` when the merged history would
 * exceed LEAD_MAX_EVENTS (the post is refused rather than the history cut). Known events keep their stored form;
 * the merged history is in time order (stable for events at the same instant).
 */
export function mergeLeadPost(stored: LeadFacts, posted: LeadFacts): LeadFacts | null | 'too_many' {
  const known = new Set(stored.events.map(leadEventKey))
  const added: LeadEvent[] = []
  for (const event of posted.events) {
    const key = leadEventKey(event)
    if (known.has(key)) continue
    known.add(key)
    added.push(event)
  }
  if (added.length === 0 && posted.score <= stored.score) return null
  const events = [...stored.events, ...added]
  if (events.length > LEAD_MAX_EVENTS) return 'too_many'
  const ordered = events.map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index).map((e) => e.event)
  return { score: posted.score, events: ordered }
}
