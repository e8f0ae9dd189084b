// Who may see and write which scope (docs/sync.md, guarantee 7).
import { ORG_SCOPE, seesAllTeams, teamScope } from '../../shared/modules/sync'
import type { Actor } from '../auth/sessions'

/** The scopes a user receives; null means all of them (managers and admins). */
export function visibleScopes(actor: Pick<Actor, 'role' | 'teamId'>): string[] | null {
  return seesAllTeams(actor.role) ? null : [ORG_SCOPE, teamScope(actor.teamId)]
}

export function canSee(actor: Pick<Actor, 'role' | 'teamId'>, scope: string): boolean {
  const scopes = visibleScopes(actor)
  return scopes === null || scopes.includes(scope)
}

export const scopesKey = (scopes: string[] | null): string => (scopes === null ? '*' : [...scopes].sort().join(','))
