// Tables of the Customer Health Score (migration 018): the team's settings (synced), the score and its weekly
// history (local, derived from synced facts on every laptop).
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { HealthLight, TeamSettingKey } from '../../../shared/modules/success'

export interface TeamSettingTable extends SyncColumns {
  team_id: Default<string>
  key: TeamSettingKey
  /** JSON, checked by the key's schema (shared/modules/success/team-settings.ts). */
  value: string
}

/** Derived, local-only: each laptop recomputes it from synced facts. */
export interface CompanyHealthTable {
  company_id: string
  /** 0..100 (the early-warning triggers read it: "health falls below 40"). */
  score: number
  light: HealthLight
  /** JSON: HealthReason[] (message refs). */
  reasons: string
  /** JSON: the components with their points, weights and facts. */
  components: string
  computed_at: string
}

/** Derived, local-only: the score per company and week (Monday), the latest value of that week. */
export interface HealthHistoryTable {
  company_id: string
  week: string
  score: number
}
