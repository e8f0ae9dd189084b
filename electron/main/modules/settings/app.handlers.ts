// Handlers of the app area: app facts, device settings, the device profile, the team's rules, what the user may do, users.
import { appInfo, getSettings, listUsers, myRights, updateSettings } from './settings.service'
import { getProfile, updateProfile } from './profile.service'
import { chooseSettingsTeam, getSettingsTeam, getTeamRules, updateTeamRules } from './team-rules.service'
import type { HandlerMap } from '../../ipc/handler-types'

export const appHandlers = {
  'app.info': ({ ctx, env }) => appInfo(ctx, env),
  'settings.get': ({ ctx }) => getSettings(ctx),
  'settings.update': ({ ctx }, patch) => updateSettings(ctx, patch),
  'rights.get': ({ ctx }) => myRights(ctx),
  'users.list': ({ ctx }) => listUsers(ctx),
  'profile.get': ({ ctx }) => getProfile(ctx),
  'profile.update': ({ ctx }, profile) => updateProfile(ctx, profile),
  'teamRules.get': ({ ctx }, input) => getTeamRules(ctx, input),
  'teamRules.update': ({ ctx }, rules) => updateTeamRules(ctx, rules),
  'settingsTeam.get': ({ ctx }) => getSettingsTeam(ctx),
  'settingsTeam.choose': ({ ctx }, input) => chooseSettingsTeam(ctx, input.teamId),
} satisfies Pick<HandlerMap, 'app.info' | 'settings.get' | 'settings.update' | 'rights.get' | 'users.list' | 'profile.get' | 'profile.update' | 'teamRules.get' | 'teamRules.update' | 'settingsTeam.get' | 'settingsTeam.choose'>
