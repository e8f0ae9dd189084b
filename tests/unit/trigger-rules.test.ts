// The pure rules of the early-warning triggers (issue 17): each signal's threshold range, the actions a signal
// allows, the derived ids every laptop makes alike, and the date arithmetic of the revival.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { triggerFiringId, triggerRuleId, triggerDates, triggerTaskId } from '../../db/modules/success'
import { MAIL_SIGNALS, SIGNALS, TRIGGER_SIGNALS, triggerRuleSaveSchema } from '../../shared/modules/success'

const rule = (input: Record<string, unknown>) => triggerRuleSaveSchema.safeParse({ signal: 'detractor', enabled: true, threshold: 6, action: 'task_owner', targetUserId: '', ...input })
const fieldOf = (input: Record<string, unknown>) => {
  const parsed = rule(input)
  return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('a rule\'s threshold', () => {
  it('is taken inside its signal\'s range and refused at the field outside it, for every signal', () => {
    for (const signal of TRIGGER_SIGNALS) {
      const { min, max, threshold } = SIGNALS[signal]
      expect(threshold).toBeGreaterThanOrEqual(min)
      expect(threshold).toBeLessThanOrEqual(max)
      fc.assert(fc.property(fc.integer({ min: -1000, max: 1000 }), (value) => {
        const inside = value >= min && value <= max
        expect(fieldOf({ signal, threshold: value })).toEqual(inside ? null : { threshold: 'errors.triggerThresholdRange' })
      }), { numRuns: 200 })
    }
  })

  it('the shipped values are those of the issue: NPS ≤ 6, the 2nd complaint, 60 days, twice the norm', () => {
    expect(Object.fromEntries(TRIGGER_SIGNALS.map((s) => [s, SIGNALS[s].threshold]))).toEqual({ detractor: 6, complaints: 2, cancel_by: 60, no_touchpoint: 2, lost_revival: 3, health_low: 40 })
    expect(TRIGGER_SIGNALS.filter((s) => SIGNALS[s].dated)).toEqual(['cancel_by', 'no_touchpoint', 'health_low'])
  })

  it('is a whole number', () => {
    expect(fieldOf({ threshold: 5.5 })).toEqual({ threshold: 'errors.number' })
  })
})

describe('a rule\'s action', () => {
  it('notifying a manager needs the manager', () => {
    expect(fieldOf({ action: 'notify_manager' })).toEqual({ targetUserId: 'errors.required' })
    expect(fieldOf({ action: 'notify_manager', targetUserId: '01930000-0000-7000-8000-00000000b055' })).toBeNull()
  })

  it('a mail is proposed only where the firing names a record a mail can be about', () => {
    for (const signal of TRIGGER_SIGNALS) {
      expect(fieldOf({ signal, threshold: SIGNALS[signal].threshold, action: 'propose_mail' })).toEqual(MAIL_SIGNALS.includes(signal) ? null : { action: 'errors.triggerMailNoRecord' })
    }
  })
})

describe('derived ids', () => {
  const company = '01930000-0000-7000-8000-000000000001'
  it('are the same on every laptop for the same occasion, different for another, and look like the app\'s ids', () => {
    const id = triggerFiringId('detractor', company, 'feedback:x')
    expect(triggerFiringId('detractor', company.toUpperCase(), 'feedback:x')).toBe(id)
    expect(triggerFiringId('detractor', company, 'feedback:y')).not.toBe(id)
    expect(triggerFiringId('complaints', company, 'feedback:x')).not.toBe(id)
    expect(triggerTaskId(id)).not.toBe(id)
    for (const value of [id, triggerTaskId(id), triggerRuleId('team-nord', 'detractor')]) expect(value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(triggerRuleId('team-nord', 'detractor')).not.toBe(triggerRuleId('team-sued', 'detractor'))
  })
})

describe('dates of the revival', () => {
  it('adds months, keeping the day or the month\'s last day', () => {
    expect(triggerDates.addMonths('2026-11-20', 36)).toBe('2029-11-20')
    expect(triggerDates.addMonths('2029-11-20', -3)).toBe('2029-08-20')
    expect(triggerDates.addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(triggerDates.addMonths('2027-12-31', 2)).toBe('2028-02-29')
    expect(triggerDates.addDays('2026-11-30', -60)).toBe('2026-10-01')
    expect(triggerDates.addDays('2026-03-28', 2)).toBe('2026-03-30')
  })
})
