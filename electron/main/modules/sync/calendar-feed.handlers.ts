// Handlers of the calendar subscription (issue 16): the sync server keeps the address; this laptop asks it.
import type { HandlerMap } from '../../ipc/handler-types'
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from './calendar-feed.client'

type Channels = 'calendarFeed.status' | 'calendarFeed.create' | 'calendarFeed.revoke'

export const calendarFeedHandlers = {
  'calendarFeed.status': ({ sync }) => calendarFeedStatus(sync),
  'calendarFeed.create': ({ sync }) => createCalendarFeed(sync),
  'calendarFeed.revoke': ({ sync }) => revokeCalendarFeed(sync),
} satisfies Pick<HandlerMap, Channels>
