// Handlers of the app area: app facts, device settings, the device profile, users.
import { appInfo, getSettings, listUsers, myRights, updateSettings } from './settings.service'
import { getProfile, updateProfile } from './profile.service'
import type { HandlerMap } from '../../ipc/handler-types'

export const appHandlers = {
  'app.info': ({ ctx, env }) => appInfo(ctx, env),
  'settings.get': ({ ctx }) => getSettings(ctx),
  'settings.update': ({ ctx }, patch) => updateSettings(ctx, patch),
  'rights.get': ({ ctx }) => myRights(ctx),
  'users.list': ({ ctx }) => listUsers(ctx),
  'profile.get': ({ ctx }) => getProfile(ctx),
  'profile.update': ({ ctx }, profile) => updateProfile(ctx, profile),
} satisfies Pick<HandlerMap, 'app.info' | 'settings.get' | 'settings.update' | 'rights.get' | 'users.list' | 'profile.get' | 'profile.update'>
