// The lead a sender posts (shared/modules/leads): what it must hold, what it refuses, and the handover rule.
import { describe, expect, it } from 'vitest'
import { DEFAULT_LEAD_THRESHOLD, isHandedOver, leadEventsJson, leadPostSchema } from '../../shared/modules/leads'
import { rowProblem } from '../../shared/modules/sync'

const lead = (over: Record<string, unknown> = {}) => ({
  id: 'mk-1', person: { lastName: 'Hansen', email: 'g.hansen@example.de' }, company: { name: 'Hansen GmbH' }, source: 'messe', score: 50, consent: { given: false }, ...over,
})
const problems = (input: unknown) => {
  const parsed = leadPostSchema.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

describe('a posted lead', () => {
  it('takes the least a sender knows and fills the rest in', () => {
    expect(leadPostSchema.parse(lead())).toMatchObject({ campaign: '', events: [], person: { firstName: '', lastName: 'Hansen' } })
    expect(problems(lead({ person: { lastName: 'Hansen', phone: '+49 (0)40 / 12 34-5' } }))).toEqual([])
  })

  it('needs a way to reach the person: an e-mail address or a phone number', () => {
    expect(problems(lead({ person: { lastName: 'Hansen' } }))).toEqual(['person.email:errors.leadUnreachable'])
    expect(problems(lead({ person: { lastName: 'Hansen', phone: 'ruf an' } }))).toContain('person.phone:errors.phone')
  })

  it('refuses a negative or broken score, unknown fields, a sender id with spaces, a history step without a time', () => {
    expect(problems(lead({ score: -1 }))).toEqual(['score:errors.notNegative'])
    expect(problems(lead({ score: 2.5 }))).toEqual(['score:errors.integer'])
    expect(problems(lead({ score: '70' }))).toEqual(['score:errors.number'])
    expect(problems(lead({ id: 'mk 1' }))).toEqual(['id:errors.invalid'])
    expect(problems(lead({ owner: 'ben' }))).toHaveLength(1)
    expect(problems(lead({ events: [{ activity: 'Besuch', points: 5 }] }))[0]).toBe('events.0.at:errors.leadTime')
    expect(problems(lead({ consent: { given: true, at: '2026-11-31T10:00:00Z' } }))[0]).toBe('consent.at:errors.leadTime')
  })

  it('stores its scoring history as JSON the row schema checks', () => {
    const events = [{ at: '2026-11-20T09:00:00+01:00', activity: 'Newsletter abgemeldet', points: -10 }]
    expect(leadEventsJson.safeParse(JSON.stringify(events)).success).toBe(true)
    expect(leadEventsJson.safeParse('[{"at":"gestern"}]').success).toBe(false)
    expect(leadEventsJson.safeParse('not json').success).toBe(false)
    const row = { external_id: 'mk-1', source: 'messe', last_name: 'Hansen', company_name: 'Hansen GmbH', received_at: '2026-11-30T10:00:00.000Z' }
    expect(rowProblem('leads', { ...row, events: JSON.stringify(events) })).toBeNull()
    expect(rowProblem('leads', { ...row, score: -1 })).toBe('score: invalid')
    expect(rowProblem('leads', { ...row, status: 'won' })).toBe('status: invalid')
    expect(rowProblem('leads', { ...row, reject_reason: 'weil' })).toBe('reject_reason: invalid')
  })
})

describe('the handover threshold', () => {
  it('hands a lead over at or above it (default 50 points); below it stays a Marketing-Lead', () => {
    expect(DEFAULT_LEAD_THRESHOLD).toBe(50)
    expect(isHandedOver(50)).toBe(true)
    expect(isHandedOver(49)).toBe(false)
    expect(isHandedOver(49, 40)).toBe(true)
    expect(isHandedOver(0, 0)).toBe(true)
  })
})
