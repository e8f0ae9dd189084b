// The rules of repeating tasks: the rhythm counted from the series' first due day (month ends clamp, the
// original day comes back), the next occurrence never in the past, the end by day or by count; the week.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasNextOccurrence, nextOccurrence, occurrenceAllowed, seriesDueDate, weekOf, type TaskRepeat } from '../../shared/modules/planning/task.rules'
import { taskFieldsSchema } from '../../shared/modules/planning/task.schema'
import { addCalendarDays } from '../../shared/platform/calendar/calendar-days'

const monthly = (over: Partial<TaskRepeat> = {}): TaskRepeat => ({ recurrence: 'monthly', recurrenceInterval: 1, recurrenceUntil: '', recurrenceCount: null, ...over })
const weekly = (over: Partial<TaskRepeat> = {}): TaskRepeat => ({ recurrence: 'weekly', recurrenceInterval: 1, recurrenceUntil: '', recurrenceCount: null, ...over })
const first = (dueDate: string) => ({ dueDate, occurrence: 1 })

describe('the rhythm of a series', () => {
  it('adds N weeks', () => {
    expect(seriesDueDate(first('2026-12-01'), weekly(), 2)).toBe('2026-12-08')
    expect(seriesDueDate(first('2026-12-01'), weekly({ recurrenceInterval: 2 }), 3)).toBe('2026-12-29')
    expect(seriesDueDate(first('2026-12-29'), weekly(), 2)).toBe('2027-01-05')
  })

  it('31 January + 1 month is the last day of February, and the 31st comes back in March', () => {
    expect(seriesDueDate(first('2027-01-31'), monthly(), 2)).toBe('2027-02-28')
    expect(seriesDueDate(first('2028-01-31'), monthly(), 2)).toBe('2028-02-29')
    expect(seriesDueDate(first('2027-01-31'), monthly(), 3)).toBe('2027-03-31')
    expect(seriesDueDate(first('2027-01-31'), monthly(), 4)).toBe('2027-04-30')
    expect(seriesDueDate(first('2027-01-30'), monthly({ recurrenceInterval: 3 }), 2)).toBe('2027-04-30')
    expect(seriesDueDate(first('2027-11-15'), monthly({ recurrenceInterval: 2 }), 2)).toBe('2028-01-15')
  })

  it('counts from an anchor that is not the first task', () => {
    expect(seriesDueDate({ dueDate: '2027-01-31', occurrence: 3 }, monthly(), 4)).toBe('2027-02-28')
  })
})

describe('the next occurrence', () => {
  it('follows the series, not the previous task: 31 Jan → 28 Feb → 31 Mar', () => {
    const anchor = first('2027-01-31')
    const second = nextOccurrence(monthly(), anchor, anchor, '2027-01-31')
    expect(second).toEqual({ dueDate: '2027-02-28', occurrence: 2 })
    expect(nextOccurrence(monthly(), anchor, second!, '2027-02-28')).toEqual({ dueDate: '2027-03-31', occurrence: 3 })
  })

  it('a task done late does not put the next one in the past: the first day of the rhythm from today', () => {
    const anchor = first('2026-12-01')
    // Due 1 Dec, done on 17 Dec: 8 Dec and 15 Dec are gone, the next is 22 Dec — still task 2.
    expect(nextOccurrence(weekly(), anchor, anchor, '2026-12-17')).toEqual({ dueDate: '2026-12-22', occurrence: 2 })
    // Done on a day of the rhythm: due that very day.
    expect(nextOccurrence(weekly(), anchor, anchor, '2026-12-15')).toEqual({ dueDate: '2026-12-15', occurrence: 2 })
  })

  it('a task done early is followed by the next day of the rhythm after its due day', () => {
    const anchor = first('2026-12-10')
    expect(nextOccurrence(weekly(), anchor, anchor, '2026-12-01')).toEqual({ dueDate: '2026-12-17', occurrence: 2 })
  })

  it('a task moved later than the next day of the rhythm skips it', () => {
    const anchor = first('2026-12-01')
    expect(nextOccurrence(weekly(), anchor, { dueDate: '2026-12-10', occurrence: 2 }, '2026-12-10')).toEqual({ dueDate: '2026-12-15', occurrence: 3 })
  })

  it('ends after the count', () => {
    const anchor = first('2026-12-01')
    const repeat = weekly({ recurrenceCount: 3 })
    expect(nextOccurrence(repeat, anchor, { dueDate: '2026-12-08', occurrence: 2 }, '2026-12-08')).toEqual({ dueDate: '2026-12-15', occurrence: 3 })
    expect(nextOccurrence(repeat, anchor, { dueDate: '2026-12-15', occurrence: 3 }, '2026-12-15')).toBeNull()
    expect(hasNextOccurrence(repeat, anchor, { dueDate: '2026-12-15', occurrence: 3 }, '2026-12-15')).toBe(false)
  })

  it('ends on the until day: an occurrence on it is made, one after it is not', () => {
    const anchor = first('2026-12-01')
    expect(nextOccurrence(weekly({ recurrenceUntil: '2026-12-08' }), anchor, anchor, '2026-12-01')).toEqual({ dueDate: '2026-12-08', occurrence: 2 })
    expect(nextOccurrence(weekly({ recurrenceUntil: '2026-12-07' }), anchor, anchor, '2026-12-01')).toBeNull()
    expect(hasNextOccurrence(weekly({ recurrenceUntil: '2026-12-07' }), anchor, anchor, '2026-12-01')).toBe(false)
  })

  it('a single task has none', () => {
    expect(nextOccurrence({ ...weekly(), recurrence: 'none' }, first('2026-12-01'), first('2026-12-01'), '2026-12-01')).toBeNull()
    expect(occurrenceAllowed({ ...weekly(), recurrence: 'none' }, 1, '2026-12-01')).toBe(false)
  })

  it('always lies after the task it follows and not before today, on a day of the rhythm', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addCalendarDays('2025-01-01', n))
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 60 }), fc.integer({ min: -40, max: 40 }), fc.constantFrom('weekly' as const, 'monthly' as const), fc.integer({ min: 1, max: 6 }),
      (firstDue, doneAfter, todayShift, recurrence, interval) => {
        const repeat: TaskRepeat = { recurrence, recurrenceInterval: interval, recurrenceUntil: '', recurrenceCount: null }
        const anchor = first(firstDue)
        const today = addCalendarDays(firstDue, todayShift + doneAfter)
        const next = nextOccurrence(repeat, anchor, anchor, today)
        expect(next).not.toBeNull()
        expect(next!.dueDate > firstDue).toBe(true)
        expect(next!.dueDate >= today).toBe(true)
        expect(next!.occurrence).toBe(2)
        const onRhythm = Array.from({ length: 400 }, (_, i) => seriesDueDate(anchor, repeat, i + 2))
        expect(onRhythm).toContain(next!.dueDate)
      }))
  })
})

describe('the week of a day', () => {
  it('runs Monday to Sunday', () => {
    expect(weekOf('2026-11-20')).toEqual({ start: '2026-11-16', end: '2026-11-22' }) // a Friday
    expect(weekOf('2026-11-16')).toEqual({ start: '2026-11-16', end: '2026-11-22' }) // Monday
    expect(weekOf('2026-11-22')).toEqual({ start: '2026-11-16', end: '2026-11-22' }) // Sunday
    expect(weekOf('2026-12-31')).toEqual({ start: '2026-12-28', end: '2027-01-03' })
  })
})

describe('the task form schema', () => {
  const base = { companyId: '01930000-0000-7000-8000-000000000001', title: 'Frau Berger zurückrufen', dueDate: '2026-12-01' }
  const fieldsOf = (input: Record<string, unknown>) => {
    const r = taskFieldsSchema.safeParse({ ...base, ...input })
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
  }

  it('takes a single task with defaults', () => {
    const r = taskFieldsSchema.parse(base)
    expect(r).toMatchObject({ dueTime: '', priority: 'normal', recurrence: 'none', recurrenceInterval: 1, recurrenceUntil: '', recurrenceCount: null, ownerId: '' })
  })

  it('requires an end date or a count for a repeating task', () => {
    expect(fieldsOf({ recurrence: 'weekly' })).toEqual({ recurrenceUntil: 'errors.taskRecurrenceEnd' })
    expect(fieldsOf({ recurrence: 'weekly', recurrenceCount: 4 })).toEqual({})
    expect(fieldsOf({ recurrence: 'monthly', recurrenceUntil: '2027-06-30' })).toEqual({})
  })

  it('refuses an end before the first due day, a bad interval, count or time', () => {
    expect(fieldsOf({ recurrence: 'weekly', recurrenceUntil: '2026-11-30' })).toEqual({ recurrenceUntil: 'errors.taskRecurrenceUntilBeforeDue' })
    expect(fieldsOf({ recurrence: 'weekly', recurrenceCount: 4, recurrenceInterval: 0 })).toEqual({ recurrenceInterval: 'errors.taskRecurrenceInterval' })
    expect(fieldsOf({ recurrence: 'weekly', recurrenceCount: 1 })).toEqual({ recurrenceCount: 'errors.taskRecurrenceCount' })
    expect(fieldsOf({ dueTime: '25:00' })).toEqual({ dueTime: 'errors.time' })
    expect(fieldsOf({ dueTime: '9:30' })).toEqual({ dueTime: 'errors.time' })
    expect(fieldsOf({ relatedType: 'offer' })).toEqual({ relatedId: 'errors.required' })
  })
})
