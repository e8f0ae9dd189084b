// The team's rules as team settings (issue 18): the offer rules and service levels keep the device settings' bad-input
// rules (second follow-up after the first, at least one lost reason, the ranges) with their error keys; a value of
// one key never passes for another; the form's schema puts each error at its field.
import { describe, expect, it } from 'vitest'
import { DEFAULT_OFFER_RULES, offerRulesSchema, readOfferRules } from '../../shared/modules/offers'
import { DEFAULT_SERVICE_SETTINGS, readServiceSettings, serviceSettingsSchema } from '../../shared/modules/service'
import { teamRulesSchema } from '../../shared/modules/settings'
import { mayEditTeamSettingsHere, teamSettingValueJson, teamSettingValueOk } from '../../shared/modules/success'

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message])

describe('team rules', () => {
  it('default to the device defaults of before', () => {
    expect(DEFAULT_OFFER_RULES).toEqual({ followUpFirstDays: 3, followUpSecondDays: 10, followUpDaysBeforeExpiry: 5, lostReasons: ['price', 'competitor', 'timing', 'no_budget', 'no_decision', 'requirements', 'relationship', 'other'] })
    expect(DEFAULT_SERVICE_SETTINGS.serviceLevels.urgent).toEqual({ acknowledgeHours: 2, resolveBusinessDays: 1 })
  })

  it('refuse bad input at its field with the error keys of before', () => {
    expect(issues(offerRulesSchema.safeParse({ followUpFirstDays: 5, followUpSecondDays: 5 }))).toEqual([['followUpSecondDays', 'errors.secondAfterFirst']])
    expect(issues(offerRulesSchema.safeParse({ lostReasons: [] }))).toEqual([['lostReasons', 'errors.lostReasonsEmpty']])
    expect(issues(offerRulesSchema.safeParse({ lostReasons: ['weather'] }))[0]?.[0]).toBe('lostReasons.0')
    expect(issues(offerRulesSchema.safeParse({ followUpFirstDays: 0 }))).toEqual([['followUpFirstDays', 'errors.tooSmall']])
    expect(issues(offerRulesSchema.safeParse({ followUpFirstDays: 2.5 }))).toEqual([['followUpFirstDays', 'errors.integer']])
    expect(issues(offerRulesSchema.safeParse({ followUpDaysBeforeExpiry: -1 }))).toEqual([['followUpDaysBeforeExpiry', 'errors.notNegative']])
    const levels = { ...DEFAULT_SERVICE_SETTINGS.serviceLevels, high: { acknowledgeHours: 0, resolveBusinessDays: 121 } }
    expect(issues(serviceSettingsSchema.safeParse({ serviceLevels: levels }))).toEqual([['serviceLevels.high.acknowledgeHours', 'errors.tooSmall'], ['serviceLevels.high.resolveBusinessDays', 'errors.tooLarge']])
    expect(issues(teamRulesSchema.safeParse({ ...DEFAULT_OFFER_RULES, ...DEFAULT_SERVICE_SETTINGS, followUpSecondDays: 2 }))).toEqual([['followUpSecondDays', 'errors.secondAfterFirst']])
    expect(teamRulesSchema.safeParse({ ...DEFAULT_OFFER_RULES, ...DEFAULT_SERVICE_SETTINGS }).success).toBe(true)
  })

  it('a stored value fits its own key only; a bad or missing one reads as the defaults', () => {
    const offers = JSON.stringify({ ...DEFAULT_OFFER_RULES, followUpFirstDays: 2 })
    const service = JSON.stringify(DEFAULT_SERVICE_SETTINGS)
    expect([teamSettingValueOk('offerRules', offers), teamSettingValueOk('serviceLevels', offers)]).toEqual([true, false])
    expect([teamSettingValueOk('serviceLevels', service), teamSettingValueOk('offerRules', service)]).toEqual([true, false])
    expect(teamSettingValueJson.safeParse(JSON.stringify({ followUpFirstDays: 5, followUpSecondDays: 3 })).success).toBe(false)
    expect(teamSettingValueJson.safeParse(offers).success).toBe(true)
    expect(readOfferRules(offers).followUpFirstDays).toBe(2)
    expect(readOfferRules(null)).toBe(DEFAULT_OFFER_RULES)
    expect(readOfferRules('{"lostReasons":[]}')).toBe(DEFAULT_OFFER_RULES)
    expect(readServiceSettings('not json')).toBe(DEFAULT_SERVICE_SETTINGS)
  })

  it('are changed by managers and admins; on a device without a server by its user', () => {
    expect(['field_sales', 'inside_sales', 'service', 'manager', 'admin'].map((role) => mayEditTeamSettingsHere(role, true))).toEqual([false, false, false, true, true])
    expect(mayEditTeamSettingsHere('field_sales', false)).toBe(true)
  })
})
