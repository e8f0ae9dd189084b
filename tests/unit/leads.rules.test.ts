// The team's lead rules (shared/modules/leads/leads.rules.ts): postcode ranges as typed, the territories' problems,
// the rep a lead's address proposes, the stored value's schema (the row check of team_settings), and the
// company's address a sender may post.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_LEAD_RULES, leadPostSchema, leadRulesFormSchema, leadRulesOfForm, leadRulesSchema, parsePostcodeRanges, parseStates, proposeRep, readLeadRules, territoryProblems,
} from '../../shared/modules/leads'
import { teamSettingValueOk } from '../../shared/modules/success'

const A = '01900000-0000-7000-8000-00000000000a'
const B = '01900000-0000-7000-8000-00000000000b'

describe('postcode ranges and states as typed', () => {
  it('reads ranges and single postcodes, and refuses anything else', () => {
    expect(parsePostcodeRanges('20000-22999, 24103; 25000 – 25999')).toEqual([{ from: '20000', to: '22999' }, { from: '24103', to: '24103' }, { from: '25000', to: '25999' }])
    expect(parsePostcodeRanges('')).toEqual([])
    expect(parsePostcodeRanges('2000-22999')).toBeNull()
    expect(parsePostcodeRanges('Hamburg')).toBeNull()
    expect(parseStates('hh, SH HH')).toEqual(['HH', 'SH'])
    expect(parseStates('HH, XY')).toBeNull()
  })

  it('finds ranges backwards, overlaps (the same rep\'s or a colleague\'s) and a rep named twice', () => {
    expect(territoryProblems([{ userId: A, ranges: [{ from: '22999', to: '20000' }] }])).toEqual([{ path: [0, 'ranges', 0], message: 'errors.leadPostcodeOrder' }])
    expect(territoryProblems([{ userId: A, ranges: [{ from: '20000', to: '22999' }] }, { userId: B, ranges: [{ from: '22999', to: '23999' }] }]))
      .toEqual([{ path: [1, 'ranges', 0], message: 'errors.leadPostcodeOverlap' }])
    expect(territoryProblems([{ userId: A, ranges: [{ from: '20000', to: '20999' }] }, { userId: B, ranges: [{ from: '21000', to: '21999' }] }])).toEqual([])
    expect(territoryProblems([{ userId: A, ranges: [] }, { userId: A, ranges: [] }])).toEqual([{ path: [1, 'userId'], message: 'errors.leadRepTwice' }])
  })
})

describe('the rep a lead\'s address proposes', () => {
  const territories = [
    { userId: A, states: ['SH' as const], ranges: [{ from: '20000', to: '22999' }] },
    { userId: B, states: ['HH' as const], ranges: [] },
  ]
  it('a postcode range first, else the federal state, else none; a rep no longer in the team is not proposed', () => {
    expect(proposeRep(territories, { postalCode: '20095', federalState: 'HH' })).toEqual({ userId: A, by: 'postcode' })
    expect(proposeRep(territories, { postalCode: '23000', federalState: 'HH' })).toEqual({ userId: B, by: 'state' })
    expect(proposeRep(territories, { postalCode: '', federalState: 'SH' })).toEqual({ userId: A, by: 'state' })
    expect(proposeRep(territories, { postalCode: '80331', federalState: 'BY' })).toBeNull()
    expect(proposeRep(territories, { postalCode: '20095', federalState: '' }, [{ id: B, name: 'B' }])).toBeNull()
  })
})

describe('the stored lead rules (team setting leadRules)', () => {
  it('defaults to 50 points and no territories; a valid form becomes the stored value, reps without a territory left out', () => {
    expect(readLeadRules(null)).toEqual(DEFAULT_LEAD_RULES)
    expect(readLeadRules('{"threshold":-3}')).toEqual(DEFAULT_LEAD_RULES)
    const value = leadRulesOfForm({ threshold: 60, responseDays: 2, territories: [{ userId: A, states: 'hh', postcodes: '20000-22999' }, { userId: B, states: '', postcodes: '' }] })
    expect(value).toEqual({ threshold: 60, responseDays: 2, territories: [{ userId: A, states: ['HH'], ranges: [{ from: '20000', to: '22999' }] }] })
    expect(teamSettingValueOk('leadRules', JSON.stringify(value))).toBe(true)
  })

  it('the row check refuses a value with a negative threshold, overlapping ranges or an unknown state', () => {
    expect(teamSettingValueOk('leadRules', JSON.stringify({ threshold: -1, territories: [] }))).toBe(false)
    expect(teamSettingValueOk('leadRules', JSON.stringify({ threshold: 50, territories: [
      { userId: A, states: [], ranges: [{ from: '20000', to: '22999' }] }, { userId: B, states: [], ranges: [{ from: '22000', to: '22100' }] },
    ] }))).toBe(false)
    expect(leadRulesSchema.safeParse({ threshold: 50, territories: [{ userId: A, states: ['XY'], ranges: [] }] }).error?.issues[0]?.message).toBe('errors.leadUnknownState')
  })

  it('the response-time target: one business day unless the team sets 1 to 10; a value stored before it existed reads as one day', () => {
    expect(readLeadRules('{"threshold":60,"territories":[]}')).toEqual({ threshold: 60, responseDays: 1, territories: [] })
    expect(readLeadRules('{"threshold":60,"responseDays":3,"territories":[]}').responseDays).toBe(3)
    for (const bad of [0, 11, 1.5, -1]) {
      expect(teamSettingValueOk('leadRules', JSON.stringify({ threshold: 50, responseDays: bad, territories: [] }))).toBe(false)
      expect(leadRulesFormSchema.safeParse({ threshold: 50, responseDays: bad, territories: [] }).error?.issues[0]).toMatchObject({ path: ['responseDays'] })
    }
    expect(leadRulesFormSchema.safeParse({ threshold: 50, responseDays: 0, territories: [] }).error?.issues[0]?.message).toBe('errors.leadResponseDays')
    expect(leadRulesFormSchema.parse({ threshold: 50, territories: [] }).responseDays).toBe(1)
  })
})

describe('the company\'s address in a post', () => {
  const base = { id: 'mk-1', person: { lastName: 'Hansen', email: 'g.hansen@example.de' }, source: 'messe', score: 50, consent: { given: false } }
  it('is optional; a postcode has five digits, a country two capitals', () => {
    expect(leadPostSchema.safeParse({ ...base, company: { name: 'Hansen GmbH' } }).success).toBe(true)
    expect(leadPostSchema.parse({ ...base, company: { name: 'Hansen GmbH', postalCode: '20095', city: 'Hamburg', country: 'DE' } }).company).toEqual({ name: 'Hansen GmbH', postalCode: '20095', city: 'Hamburg', country: 'DE' })
    expect(leadPostSchema.safeParse({ ...base, company: { name: 'Hansen GmbH', postalCode: '2009' } }).error?.issues[0]).toMatchObject({ path: ['company', 'postalCode'], message: 'errors.postalCode' })
    expect(leadPostSchema.safeParse({ ...base, company: { name: 'Hansen GmbH', country: 'Deutschland' } }).error?.issues[0]).toMatchObject({ path: ['company', 'country'], message: 'errors.leadCountry' })
  })
})
