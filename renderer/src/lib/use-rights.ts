// What the signed-in user may do (the rights matrix, shared/platform/rights.ts), for screens that disable what a
// role may not do and say why on hover. The laptop's write path and the sync server refuse it anyway; this only
// says so before the click. Until the answer is in, everything counts as allowed (no flicker for the many who may).
import { deniedKey, type Action } from '../../../shared/platform/rights'
import { useI18n } from './i18n'
import { useData } from './use-data'

export function useRights(): { may(action: Action): boolean; why(action: Action): string } {
  const { t } = useI18n()
  const rights = useData('rights.get', {})
  const allowed = rights.data?.allowed
  return {
    may: (action) => allowed === undefined || allowed.includes(action),
    why: (action) => t(deniedKey(action)),
  }
}
