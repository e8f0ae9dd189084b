// Handlers of the app area: app facts, device settings, users, demo data.
import { DEMO_SIZES, loadDemoData } from '../demo/demo-data.service'
import { appInfo, getSettings, listUsers, updateSettings } from './settings.service'
import type { HandlerMap } from '../../ipc/handler-types'

export const appHandlers = {
  'app.info': ({ ctx, env }) => appInfo(ctx, env),
  'settings.get': ({ ctx }) => getSettings(ctx),
  'settings.update': ({ ctx }, patch) => updateSettings(ctx, patch),
  'users.list': ({ ctx }) => listUsers(ctx),
  'demo.load': async ({ ctx }, { size }) => ({ companies: (await loadDemoData(ctx, DEMO_SIZES[size])).companies }),
} satisfies Pick<HandlerMap, 'app.info' | 'settings.get' | 'settings.update' | 'users.list' | 'demo.load'>
