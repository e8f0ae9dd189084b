// The count a long list shows (renderer/src/lib/result-count): "more than" while the service's count is a lower
// bound, an exact count once a page reaches the end, and no shrinking when pages arrive out of order.
import { describe, expect, it } from 'vitest'
import { mergeCount, resultCount } from '../../renderer/src/lib/result-count'
import { translate } from '../../shared/i18n'
import type { Translate } from '../../shared/i18n'

const de: Translate = (key, ...params) => translate('de', key, ...params)
const en: Translate = (key, ...params) => translate('en', key, ...params)

describe('result count', () => {
  it('says "more than" for a lower bound and the number otherwise, in both languages', () => {
    expect(resultCount(de, { total: 1100, totalIsLowerBound: true })).toBe('Mehr als 1.100 Treffer')
    expect(resultCount(en, { total: 1100, totalIsLowerBound: true })).toBe('More than 1,100 results')
    expect(resultCount(de, { total: 1150 })).toBe('1.150 Treffer')
    expect(resultCount(en, { total: 1, totalIsLowerBound: false })).toBe('1 result')
  })

  it('keeps the larger lower bound and lets an exact count win', () => {
    const first = mergeCount(null, { total: 1100, totalIsLowerBound: true })
    expect(first).toEqual({ total: 1100, totalIsLowerBound: true })
    const further = mergeCount(first, { total: 2100, totalIsLowerBound: true })
    expect(further).toEqual({ total: 2100, totalIsLowerBound: true })
    expect(mergeCount(further, { total: 1100, totalIsLowerBound: true })).toBe(further) // an earlier page, late
    const exact = mergeCount(further, { total: 1150, totalIsLowerBound: false })
    expect(exact).toEqual({ total: 1150, totalIsLowerBound: false })
    expect(mergeCount(exact, { total: 1100, totalIsLowerBound: true })).toBe(exact)
  })
})
