// The work list's filters as day ranges per section: what the database is asked for under each filter,
// including the edges of the week (Monday has no overdue entries of this week, Sunday no upcoming ones).
import { describe, expect, it } from 'vitest'
import { spanOf, UPCOMING_DAYS, workListRanges } from '../../shared/modules/worklist'

describe('work-list ranges', () => {
  it('all: every overdue entry, today, and the next 14 days', () => {
    expect(UPCOMING_DAYS).toBe(14)
    expect(workListRanges('2026-11-25', 'all')).toEqual({
      overdue: { from: '', to: '2026-11-24' }, dueToday: { from: '2026-11-25', to: '2026-11-25' }, upcoming: { from: '2026-11-26', to: '2026-12-09' },
    })
    expect(spanOf(workListRanges('2026-11-25', 'all'))).toEqual({ from: '', to: '2026-12-09' })
  })

  it('overdue: only the days before today', () => {
    expect(workListRanges('2026-11-25', 'overdue')).toEqual({ overdue: { from: '', to: '2026-11-24' }, dueToday: null, upcoming: null })
    expect(spanOf(workListRanges('2026-11-25', 'overdue'))).toEqual({ from: '', to: '2026-11-24' })
  })

  it('this week: Monday to Sunday around today, across a month and a year end', () => {
    expect(workListRanges('2026-11-25', 'week')).toEqual({
      overdue: { from: '2026-11-23', to: '2026-11-24' }, dueToday: { from: '2026-11-25', to: '2026-11-25' }, upcoming: { from: '2026-11-26', to: '2026-11-29' },
    })
    expect(workListRanges('2026-12-31', 'week')).toEqual({
      overdue: { from: '2026-12-28', to: '2026-12-30' }, dueToday: { from: '2026-12-31', to: '2026-12-31' }, upcoming: { from: '2027-01-01', to: '2027-01-03' },
    })
    expect(spanOf(workListRanges('2026-12-31', 'week'))).toEqual({ from: '2026-12-28', to: '2027-01-03' })
  })

  it('this week on a Monday has nothing overdue, on a Sunday nothing upcoming', () => {
    expect(workListRanges('2026-11-23', 'week').overdue).toBeNull()
    expect(workListRanges('2026-11-29', 'week').upcoming).toBeNull()
    expect(spanOf(workListRanges('2026-11-23', 'week'))).toEqual({ from: '2026-11-23', to: '2026-11-29' })
  })
})
