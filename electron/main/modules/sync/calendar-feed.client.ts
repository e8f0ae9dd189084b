// The laptop's side of the calendar subscription: asks the sync server, with this laptop's session, for the
// state of the user's feed address, a new one, or its end (docs/calendar-feed.md). The address itself is
// shown once and never stored here.
import { z } from 'zod'
import type { CalendarFeedCreated, CalendarFeedStatus } from '../../../../shared/modules/planning'
import { AppError } from '../../../../shared/platform/result'
import type { SyncController } from './controller'
import type { FetchLike } from './transport'

export interface FeedSession {
  serverUrl: string
  token: string
  fetch: FetchLike
}

/** The connected server and session, or null when this laptop is not signed in to one. */
export async function feedSession(sync: SyncController): Promise<FeedSession | null> {
  return sync.session()
}

const statusAnswer = z.object({ active: z.boolean(), createdAt: z.string().nullable() })
const createdAnswer = z.object({ url: z.string().url(), createdAt: z.string() })

const TIMEOUT_MS = 20_000

async function call<T>(session: FeedSession, method: 'GET' | 'POST' | 'DELETE', schema: z.ZodType<T>): Promise<T> {
  let response: Response
  try {
    response = await session.fetch(`${session.serverUrl}/calendar/token`, {
      method, headers: { authorization: `Bearer ${session.token}` }, signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch {
    throw new AppError('validation', 'errors.calendarFeedOffline')
  }
  if (response.status === 401) throw new AppError('validation', 'errors.calendarFeedLoggedOut')
  if (response.status === 404) throw new AppError('validation', 'errors.calendarFeedUnsupported')
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new AppError('validation', 'errors.calendarFeedFailed')
  }
  const parsed = schema.safeParse(body)
  if (!response.ok || !parsed.success) throw new AppError('validation', 'errors.calendarFeedFailed')
  return parsed.data
}

const NOT_CONNECTED: CalendarFeedStatus = { available: false, active: false, createdAt: null }

export async function calendarFeedStatus(sync: SyncController): Promise<CalendarFeedStatus> {
  const session = await feedSession(sync)
  if (!session) return NOT_CONNECTED
  return { available: true, ...(await call(session, 'GET', statusAnswer)) }
}

async function connected(sync: SyncController): Promise<FeedSession> {
  const session = await feedSession(sync)
  if (!session) throw new AppError('validation', 'errors.calendarFeedNotConnected')
  return session
}

/** A new address (the old one stops working); the answer is the only time it is shown. */
export async function createCalendarFeed(sync: SyncController): Promise<CalendarFeedCreated> {
  return call(await connected(sync), 'POST', createdAnswer)
}

export async function revokeCalendarFeed(sync: SyncController): Promise<CalendarFeedStatus> {
  return { available: true, ...(await call(await connected(sync), 'DELETE', statusAnswer)) }
}
