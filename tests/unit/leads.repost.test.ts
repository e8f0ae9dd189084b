// The repost rule of a lead (issue 19): events identified by instant and activity, the score follows a post with
// news, a post without news changes nothing, the merged history in time order and capped.
import { describe, expect, it } from 'vitest'
import { LEAD_MAX_EVENTS, leadEventKey, mergeLeadPost } from '../../shared/modules/leads'

const download = { at: '2026-11-02T09:00:00Z', activity: 'Download', points: 10 }
const survey = { at: '2026-11-09T10:30:00Z', activity: 'Umfrage', points: 20 }
const mail = { at: '2026-11-16T08:15:00Z', activity: 'Mail geöffnet', points: 10 }

describe('mergeLeadPost', () => {
  it('adds new events in time order and takes the posted score', () => {
    expect(mergeLeadPost({ score: 10, events: [download] }, { score: 40, events: [mail, download, survey] }))
      .toEqual({ score: 40, events: [download, survey, mail] })
  })
  it('changes nothing when the post brings no new event and no higher score (a retry, an older post)', () => {
    expect(mergeLeadPost({ score: 30, events: [download, survey] }, { score: 30, events: [download, survey] })).toBeNull()
    expect(mergeLeadPost({ score: 30, events: [download, survey] }, { score: 10, events: [download] })).toBeNull()
  })
  it('takes a higher score without new events, and a lower one when a new event brings it (negative points)', () => {
    expect(mergeLeadPost({ score: 30, events: [download] }, { score: 35, events: [download] })).toEqual({ score: 35, events: [download] })
    const unsubscribed = { at: '2026-11-20T08:00:00Z', activity: 'Abgemeldet', points: -20 }
    expect(mergeLeadPost({ score: 30, events: [download] }, { score: 10, events: [unsubscribed] })).toEqual({ score: 10, events: [download, unsubscribed] })
  })
  it('knows an event in another zone notation, and an event twice in one post once', () => {
    expect(leadEventKey({ at: '2026-11-02T10:00:00+01:00', activity: 'Download' })).toBe(leadEventKey(download))
    expect(mergeLeadPost({ score: 10, events: [download] }, { score: 10, events: [{ ...download, at: '2026-11-02T10:00:00+01:00' }] })).toBeNull()
    expect(mergeLeadPost({ score: 0, events: [] }, { score: 20, events: [survey, survey] })).toEqual({ score: 20, events: [survey] })
  })
  it('refuses a merge beyond the history limit', () => {
    const many = Array.from({ length: LEAD_MAX_EVENTS }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), activity: 'x', points: 0 }))
    expect(mergeLeadPost({ score: 0, events: many }, { score: 1, events: [download] })).toBe('too_many')
  })
})
