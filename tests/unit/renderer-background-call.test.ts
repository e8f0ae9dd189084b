// Reads around the page wait for the page's own requests (renderer/src/lib/api.ts, issue 20: cold start).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backgroundCall, BACKGROUND_WAIT_MS, call } from '../../renderer/src/lib/api'

/** window.api whose answers the test releases by hand, recording the order channels were sent in. */
function fakeMain() {
  const sent: string[] = []
  const release = new Map<string, () => void>()
  const api = new Proxy({}, {
    get: (_target, channel: string) => () => {
      sent.push(channel)
      return new Promise((resolve) => release.set(channel, () => resolve({ ok: true, data: channel })))
    },
  })
  vi.stubGlobal('window', { api })
  return { sent, answer: (channel: string) => release.get(channel)!() }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('backgroundCall', () => {
  beforeEach(() => vi.useRealTimers())
  afterEach(() => vi.unstubAllGlobals())

  it('is sent only once the page requests made in the same render are answered', async () => {
    const main = fakeMain()
    const counts = backgroundCall('companies.stationCounts', {})
    const list = call('companies.list', {} as never)
    await tick()
    await tick()
    expect(main.sent).toEqual(['companies.list'])
    main.answer('companies.list')
    await list
    await tick()
    expect(main.sent).toEqual(['companies.list', 'companies.stationCounts'])
    main.answer('companies.stationCounts')
    expect(await counts).toEqual({ ok: true, data: 'companies.stationCounts' })
  })

  it('goes at once when nothing else is asked, and does not hold back the next page request', async () => {
    const main = fakeMain()
    const status = backgroundCall('sync.status', {})
    await tick()
    await tick()
    expect(main.sent).toEqual(['sync.status'])
    // A background read in flight is not a page request: a second background read is not held back by it.
    const info = backgroundCall('app.info', {})
    await tick()
    await tick()
    expect(main.sent).toEqual(['sync.status', 'app.info'])
    main.answer('sync.status')
    main.answer('app.info')
    await Promise.all([status, info])
  })

  it('waits at most BACKGROUND_WAIT_MS for a page that keeps asking', async () => {
    vi.useFakeTimers()
    const main = fakeMain()
    void call('companies.list', {} as never)
    const reminders = backgroundCall('reminders.due', {})
    await vi.advanceTimersByTimeAsync(BACKGROUND_WAIT_MS - 10)
    expect(main.sent).toEqual(['companies.list'])
    await vi.advanceTimersByTimeAsync(20)
    expect(main.sent).toEqual(['companies.list', 'reminders.due'])
    main.answer('reminders.due')
    await reminders
    main.answer('companies.list')
    await vi.advanceTimersByTimeAsync(0)
  })
})
