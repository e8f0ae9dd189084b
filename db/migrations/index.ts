// The static, ordered migration list (bundlers cannot glob at run time). Append only.
import type { Migration } from 'kysely'
import * as m001 from './2026-11-22-001-customers'
import * as m002 from './2026-11-22-002-sync'
import * as m003 from './2026-11-22-003-offers'
import * as m004 from './2026-11-22-004-offer-stats'
import * as m005 from './2026-11-22-005-contracts'
import * as m006 from './2026-11-22-006-use-phase'
import * as m007 from './2026-11-29-007-sync-trust'
import * as m008 from './2026-11-29-008-event-messages'
import * as m009 from './2026-11-29-009-customer-status'
import * as m010 from './2026-11-29-010-company-merge'
import * as m011 from './2026-11-29-011-erasures'
import * as m012 from './2026-11-29-012-consents'
import * as m013 from './2026-11-29-013-audit-events'
import * as m014 from './2026-11-29-014-mail'
import * as m015 from './2026-11-29-015-planning'
import * as m016 from './2026-11-30-016-work-list-index'
import * as m017 from './2026-11-30-017-erp-facts'
import * as m018 from './2026-11-30-018-health'
import * as m019 from './2026-11-30-019-triggers'
import * as m021 from './2026-11-30-021-journey-history'
import * as m022 from './2026-11-30-022-dashboard-indexes'
import * as m023 from './2026-11-30-023-discount-approvals'
import * as m024 from './2026-11-30-024-files'
import * as m025 from './2026-11-30-025-leads'
import * as m026 from './2026-11-30-026-lead-qualification'
import * as m027 from './2026-11-30-027-lead-report-index'
import * as m028 from './2026-11-30-028-service-requests'
import * as m029 from './2026-11-30-029-task-title-keys'
import * as m030 from './2026-11-30-030-lead-report-by-source'
import * as m031 from './2026-11-30-031-approval-report-index'
import * as m032 from './2026-11-30-032-follow-up-work-list-index'
import * as m033 from './2026-11-30-033-search-index-unchanged-rows'
import * as m034 from './2026-12-01-034-open-offers-by-date'
import * as m035 from './2026-12-01-035-feedback-stats'
import * as m036 from './2026-12-01-036-follow-up-stats'
import * as m037 from './2026-12-01-037-renewal-stats'
import * as m038 from './2026-12-01-038-work-list-day-order'
import * as m039 from './2026-12-01-039-follow-up-queue'
import * as m040 from './2026-12-02-040-follow-up-queue-rows'
import * as m041 from './2026-12-02-041-renewal-reminders-order'
import * as m042 from './2026-12-02-042-open-tasks-covering'
import * as m043 from './2026-12-02-043-open-day-counts'

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-22-001-customers': m001,
  '2026-11-22-002-sync': m002,
  '2026-11-22-003-offers': m003,
  '2026-11-22-004-offer-stats': m004,
  '2026-11-22-005-contracts': m005,
  '2026-11-22-006-use-phase': m006,
  '2026-11-29-007-sync-trust': m007,
  '2026-11-29-008-event-messages': m008,
  '2026-11-29-009-customer-status': m009,
  '2026-11-29-010-company-merge': m010,
  '2026-11-29-011-erasures': m011,
  '2026-11-29-012-consents': m012,
  '2026-11-29-013-audit-events': m013,
  '2026-11-29-014-mail': m014,
  '2026-11-29-015-planning': m015,
  '2026-11-30-016-work-list-index': m016,
  '2026-11-30-017-erp-facts': m017,
  '2026-11-30-018-health': m018,
  '2026-11-30-019-triggers': m019,
  '2026-11-30-021-journey-history': m021,
  '2026-11-30-022-dashboard-indexes': m022,
  '2026-11-30-023-discount-approvals': m023,
  '2026-11-30-024-files': m024,
  '2026-11-30-025-leads': m025,
  '2026-11-30-026-lead-qualification': m026,
  '2026-11-30-027-lead-report-index': m027,
  '2026-11-30-028-service-requests': m028,
  '2026-11-30-029-task-title-keys': m029,
  '2026-11-30-030-lead-report-by-source': m030,
  '2026-11-30-031-approval-report-index': m031,
  '2026-11-30-032-follow-up-work-list-index': m032,
  '2026-11-30-033-search-index-unchanged-rows': m033,
  '2026-12-01-034-open-offers-by-date': m034,
  '2026-12-01-035-feedback-stats': m035,
  '2026-12-01-036-follow-up-stats': m036,
  '2026-12-01-037-renewal-stats': m037,
  '2026-12-01-038-work-list-day-order': m038,
  '2026-12-01-039-follow-up-queue': m039,
  '2026-12-02-040-follow-up-queue-rows': m040,
  '2026-12-02-041-renewal-reminders-order': m041,
  '2026-12-02-042-open-tasks-covering': m042,
  '2026-12-02-043-open-day-counts': m043,
}

/** The schema version this build writes; stored in PRAGMA user_version and sent with outbox ops. */
export const SCHEMA_VERSION = Object.keys(MIGRATIONS).length
