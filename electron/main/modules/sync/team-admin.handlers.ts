// Handlers of the team administration (issue 18): the sync server keeps users, teams and devices; this laptop asks it.
import type { HandlerMap } from '../../ipc/handler-types'
import { createAdminTeam, createAdminUser, disableAdminUser, resetAdminPassword, teamAdminView, updateAdminUser } from './team-admin.client'

type Channels = 'teamAdmin.get' | 'teamAdmin.createUser' | 'teamAdmin.updateUser' | 'teamAdmin.disableUser' | 'teamAdmin.resetPassword' | 'teamAdmin.createTeam'

export const teamAdminHandlers = {
  'teamAdmin.get': ({ sync }) => teamAdminView(sync),
  'teamAdmin.createUser': ({ sync }, input) => createAdminUser(sync, input),
  'teamAdmin.updateUser': ({ sync }, input) => updateAdminUser(sync, input),
  'teamAdmin.disableUser': ({ sync }, { id }) => disableAdminUser(sync, id),
  'teamAdmin.resetPassword': ({ sync }, { id }) => resetAdminPassword(sync, id),
  'teamAdmin.createTeam': ({ sync }, { name }) => createAdminTeam(sync, name),
} satisfies Pick<HandlerMap, Channels>
