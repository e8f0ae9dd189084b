// The desktop reminders' schedule without Electron: which keys fire on which tick (each once; a moved appointment
// again), a slow tick not overtaken, the notification's words in both languages, and only the app's own routes.
import { describe, expect, it } from 'vitest'
import type { Reminder } from '../../shared/modules/planning'
import { reminderRoute, reminderSchedule, reminderText } from '../../electron/main/reminder-schedule'

const call: Reminder = { key: 'appointment:a1:2026-11-20T10:30', kind: 'appointment', title: 'Telefonat', companyName: 'Brunsviga GmbH', at: '2026-11-20T10:30', href: '/appointments/a1' }
const task: Reminder = { key: 'task:t1:2026-11-20', kind: 'task', title: 'Angebot nachfassen', companyName: 'Brunsviga GmbH', at: '2026-11-20', href: '/tasks/t1' }

describe('the reminder schedule', () => {
  it('shows each key once, a new key (a moved appointment) again, and nothing when nothing is due', async () => {
    let due: Reminder[] = []
    const shown: string[] = []
    const schedule = reminderSchedule({ due: async () => due, show: (r) => void shown.push(r.key) })
    expect(await schedule.tick()).toEqual([])
    due = [call]
    expect((await schedule.tick()).map((r) => r.key)).toEqual([call.key])
    due = [call, task]
    expect((await schedule.tick()).map((r) => r.key)).toEqual([task.key])
    expect(await schedule.tick()).toEqual([])
    const moved = { ...call, key: 'appointment:a1:2026-11-20T10:40', at: '2026-11-20T10:40' }
    due = [moved, task]
    await schedule.tick()
    expect(shown).toEqual([call.key, task.key, moved.key])
  })

  it('makes a burst of tasks one notification leading to the work list; a few stay one each', async () => {
    const tasks = (n: number) => Array.from({ length: n }, (_, i) => ({ ...task, key: `task:t${i}:2026-11-20`, href: `/tasks/t${i}` }))
    const shown: Reminder[] = []
    let due = [call, ...tasks(5)]
    const schedule = reminderSchedule({ due: async () => due, show: (r) => void shown.push(r) })
    await schedule.tick()
    expect(shown.map((r) => r.kind)).toEqual(['appointment', 'task'])
    expect(shown[1]).toMatchObject({ count: 5, href: '/follow-ups' })
    expect(reminderText('de', shown[1]!).title).toBe('5 Aufgaben heute fällig')
    expect(reminderText('en', shown[1]!).title).toBe('5 tasks due today')
    expect(reminderRoute(shown[1]!.href)).toBe('/follow-ups')
    // Later ones, two at a time, come one by one; the ones summarised do not come again.
    due = [...tasks(5), { ...task, key: 'task:x1', href: '/tasks/x1' }, { ...task, key: 'task:x2', href: '/tasks/x2' }]
    await schedule.tick()
    expect(shown.slice(2).map((r) => r.key)).toEqual(['task:x1', 'task:x2'])
  })

  it('does not let a slow tick be overtaken by the next one', async () => {
    let release: () => void = () => undefined
    const shown: string[] = []
    const schedule = reminderSchedule({ due: () => new Promise((resolve) => { release = () => resolve([call]) }), show: (r) => void shown.push(r.key) })
    const first = schedule.tick()
    const second = schedule.tick()
    release()
    await Promise.all([first, second])
    expect(shown).toEqual([call.key])
  })

  it('forgets the oldest keys beyond its memory', async () => {
    const shown: string[] = []
    let due: Reminder[] = [call]
    const schedule = reminderSchedule({ due: async () => due, show: (r) => void shown.push(r.key), memory: 1 })
    await schedule.tick()
    due = [task]
    await schedule.tick()
    due = [call]
    await schedule.tick()
    expect(shown).toEqual([call.key, task.key, call.key])
  })
})

describe('the notification', () => {
  it('says what and when in the reader language', () => {
    expect(reminderText('de', call).title).toBe('Um 10:30 Uhr: Telefonat (Brunsviga GmbH)')
    expect(reminderText('en', call).title).toBe('At 10:30: Telefonat (Brunsviga GmbH)')
    expect(reminderText('de', task).title).toBe('Aufgabe fällig: Angebot nachfassen (Brunsviga GmbH)')
  })

  it('opens only an appointment or a task of the app', () => {
    expect(reminderRoute('/appointments/01a202e6-59f1-700b-b645-d59090355a50')).toBe('/appointments/01a202e6-59f1-700b-b645-d59090355a50')
    expect(reminderRoute('/tasks/t1')).toBe('/tasks/t1')
    for (const bad of ['https://evil.example/', '/settings', '/appointments/../x', "/tasks/1';alert(1)//", '']) expect(reminderRoute(bad)).toBeNull()
  })
})
