// The visit briefing's channels: the briefing, its PDF, and the coming days' briefings for the offline store.
import type { HandlerMap } from '../../ipc/handler-types'
import { briefingPdf, getBriefing, upcomingBriefings } from './briefing.service'

type Channels = 'briefing.get' | 'briefing.pdf' | 'briefing.upcoming'

export const briefingHandlers = {
  'briefing.get': ({ ctx }, input) => getBriefing(ctx, input),
  'briefing.pdf': ({ ctx }, input) => briefingPdf(ctx, input),
  'briefing.upcoming': ({ ctx }, input) => upcomingBriefings(ctx, input),
} satisfies Pick<HandlerMap, Channels>
