// Report periods in the reader's language instead of their keys ("2026-01" in a German sentence).
import { describe, expect, it } from 'vitest'
import { formatPeriod } from '../../shared/i18n'

describe('report periods', () => {
  it.each([
    ['de', '2026-01', 'Jan. 2026'],
    ['en', '2026-01', 'Jan 2026'],
    ['de', '2026-12', 'Dez. 2026'],
    ['de', '2026-Q3', 'Q3 2026'],
    ['de', '2026', '2026'],
    ['de', 'Anna Berger', 'Anna Berger'],
  ] as const)('%s: %s → %s', (language, key, label) => {
    expect(formatPeriod(language, key)).toBe(label)
  })
})
