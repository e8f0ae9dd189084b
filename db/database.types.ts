// The Kysely database type: every table by name.
import type { SyncTableName } from '../shared/modules/sync'
import type { OpenDayCountsTable } from './platform/day-counts.table'
import { isOneOf } from '../shared/platform/value-lists'
import type { CompanyJourneyTable, CompanyTable, JourneyChangeTable, ConsentTable, ContactTable, PersonaTable, TouchpointTable, UserTable } from './modules/customers'
import type { ConversationParticipantTable, ConversationTable, FollowUpTable, OfferApprovalTable, OfferItemTable, OfferRevisionTable, OfferStatsTable, OfferTable, FollowUpQueueTable, FollowUpStatsTable, ProductTable, PromiseTable } from './modules/offers'
import type { MailMessageTable, MailOutboxTable } from './modules/mail'
import type { ContractItemTable, ContractTable, RenewalDayStatsTable, RenewalStatsTable } from './modules/contracts'
import type { AssetTable, CaseEventTable, CaseLineTable, CaseTable, ServiceRequestTable, FeedbackTable, FeedbackStatsTable, ReferralTable } from './modules/service'
import type { AuditEventTable, ErasureTable } from './modules/dsgvo'
import type { AppointmentParticipantTable, AppointmentTable, TaskTable } from './modules/planning'
import type { ErpFactTable } from './modules/erp'
import type { LeadTable } from './modules/leads'
import type { AttachmentTable, LocalBlobTable, OfflineRecordTable } from './modules/files'
import type { CompanyHealthTable, HealthHistoryTable, TeamSettingTable, TriggerFiringTable, TriggerRuleTable } from './modules/success'
import type { AppSettingTable, SyncConflictTable, SyncOutboxTable, SyncQuarantineTable, SyncStateTable } from './platform/local.table'

export interface Database {
  companies: CompanyTable
  contacts: ContactTable
  personas: PersonaTable
  touchpoints: TouchpointTable
  users: UserTable
  company_journey: CompanyJourneyTable
  app_settings: AppSettingTable
  sync_outbox: SyncOutboxTable
  sync_state: SyncStateTable
  sync_conflicts: SyncConflictTable
  sync_quarantine: SyncQuarantineTable
  products: ProductTable
  conversations: ConversationTable
  conversation_participants: ConversationParticipantTable
  offers: OfferTable
  offer_items: OfferItemTable
  offer_revisions: OfferRevisionTable
  offer_approvals: OfferApprovalTable
  follow_ups: FollowUpTable
  offer_stats: OfferStatsTable
  follow_up_stats: FollowUpStatsTable
  follow_up_queue: FollowUpQueueTable
  follow_up_day_counts: OpenDayCountsTable
  contracts: ContractTable
  contract_items: ContractItemTable
  renewal_stats: RenewalStatsTable
  renewal_day_stats: RenewalDayStatsTable
  assets: AssetTable
  cases: CaseTable
  case_lines: CaseLineTable
  case_events: CaseEventTable
  referrals: ReferralTable
  feedback: FeedbackTable
  feedback_stats: FeedbackStatsTable
  erasures: ErasureTable
  consents: ConsentTable
  audit_events: AuditEventTable
  promises: PromiseTable
  promises_day_counts: OpenDayCountsTable
  mail_outbox: MailOutboxTable
  mail_messages: MailMessageTable
  tasks: TaskTable
  tasks_day_counts: OpenDayCountsTable
  appointments: AppointmentTable
  appointment_participants: AppointmentParticipantTable
  erp_facts: ErpFactTable
  leads: LeadTable
  service_requests: ServiceRequestTable
  team_settings: TeamSettingTable
  company_health: CompanyHealthTable
  health_history: HealthHistoryTable
  trigger_rules: TriggerRuleTable
  trigger_firings: TriggerFiringTable
  journey_changes: JourneyChangeTable
  attachments: AttachmentTable
  local_blobs: LocalBlobTable
  offline_records: OfflineRecordTable
}

/** Tables whose writes go through the outbox. Later migrations add theirs here. */
export const SYNCED_TABLES = [
  'companies', 'contacts', 'personas', 'touchpoints', 'sync_conflicts',
  'products', 'conversations', 'conversation_participants', 'offers', 'offer_items', 'offer_revisions', 'follow_ups', 'promises',
  'contracts', 'contract_items', 'assets', 'cases', 'case_lines', 'case_events', 'referrals', 'feedback', 'erasures', 'consents', 'audit_events',
  'tasks', 'appointments', 'appointment_participants', 'erp_facts', 'team_settings',
  'trigger_rules', 'trigger_firings', 'journey_changes', 'offer_approvals', 'attachments', 'leads', 'service_requests',
] as const
export type SyncedTable = (typeof SYNCED_TABLES)[number]
export const isSyncedTable = (table: string): table is SyncedTable => isOneOf(SYNCED_TABLES, table)

/**
 * The sync protocol's table list (shared/modules/sync/tables.ts) and this one name the same tables
 * (the user directory is pulled, never written here): the typecheck fails when one gains a table alone.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export const SYNC_TABLE_LISTS_AGREE: Same<SyncedTable | 'users', SyncTableName> = true
