// The id of a repeating task's next occurrence: the same on every laptop for the same series and number, another
// for every other occurrence or series, and a valid id wherever the app or the sync server takes one.
import { describe, expect, it } from 'vitest'
import { newId } from '../../db/platform/ids'
import { taskOccurrenceId } from '../../electron/main/modules/planning/task-ids'
import { rowProblem } from '../../shared/modules/sync/row-schemas'
import { idSchema } from '../../shared/platform/common.schema'

const series = '0192f3a4-5b6c-7d8e-9f01-23456789abcd'

describe('taskOccurrenceId', () => {
  it('is stable: the same series and occurrence give the same id, on any laptop and any day', () => {
    expect(taskOccurrenceId(series, 2)).toBe(taskOccurrenceId(series, 2))
    expect(taskOccurrenceId(series.toUpperCase(), 2)).toBe(taskOccurrenceId(series, 2))
    expect(taskOccurrenceId(series, 2)).toMatchInlineSnapshot(`"67e83ca5-1a30-7f23-a82b-2a959653195e"`)
  })

  it('differs per occurrence and per series', () => {
    const ids = Array.from({ length: 500 }, (_, i) => taskOccurrenceId(series, i + 1))
    expect(new Set(ids).size).toBe(500)
    const other = newId()
    expect(taskOccurrenceId(other, 2)).not.toBe(taskOccurrenceId(series, 2))
    // "1" + "12" and "11" + "2" must not meet.
    expect(taskOccurrenceId(`${series}1`, 2)).not.toBe(taskOccurrenceId(series, 12))
  })

  it('is a UUID with the version 7 and variant bits that the id schema and the tasks row schema take', () => {
    for (const occurrence of [2, 3, 17, 500]) {
      const id = taskOccurrenceId(newId(), occurrence)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(idSchema.safeParse(id).success).toBe(true)
      expect(rowProblem('tasks', { company_id: series, title: 'Wochenbericht', due_date: '2026-12-01', owner_id: series, series_id: id, occurrence })).toBeNull()
      expect(rowProblem('touchpoints', { related_type: 'task', related_id: id }, 'patch')).toBeNull()
    }
  })
})
