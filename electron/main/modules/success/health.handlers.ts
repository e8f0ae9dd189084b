// The health score's channels: a company's score, the team's settings and their change.
import type { HandlerMap } from '../../ipc/handler-types'
import { getHealth, getHealthSettings, updateHealthSettings } from './health.service'

type Channels = 'health.get' | 'healthSettings.get' | 'healthSettings.update'

export const healthHandlers = {
  'health.get': ({ ctx }, input) => getHealth(ctx, input),
  'healthSettings.get': ({ ctx }) => getHealthSettings(ctx),
  'healthSettings.update': ({ ctx }, input) => updateHealthSettings(ctx, input),
} satisfies Pick<HandlerMap, Channels>
