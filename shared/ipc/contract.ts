// The IPC contract: per channel the input schema (validated in main) and the output type (for callers).
import { z } from 'zod'
import { idSchema, type Page } from '../platform/common.schema'
import { byIdSchema, companyMoveTeamSchema, companyCreateSchema, companyExportSchema, companyListQuerySchema, companyUpdateSchema } from '../modules/customers'
import type { ExportFile } from '../platform/export-file'
import type { MyRights } from '../platform/rights'
import { healthGetSchema, healthSettingsGetSchema, healthSettingsUpdateSchema, type CompanyHealth, type HealthSettingsView } from '../modules/success'
import { contactCreateSchema, contactExportSchema, contactListQuerySchema, contactUpdateSchema, contactVcardImportSchema, contactVcardSchema, type VcardImportReport } from '../modules/customers'
import { personaCreateSchema, personaExportSchema, personaUpdateSchema } from '../modules/customers'
import { timelineQuerySchema, touchpointCreateSchema, touchpointExportSchema, touchpointListQuerySchema } from '../modules/customers'
import type { Company, CompanyListItem, Contact, ContactListItem, Persona, StationCount, TimelineEntry, Touchpoint, User } from '../modules/customers'
import { demoLoadSchema, settingsUpdateSchema, type AppInfo, type Settings } from '../modules/settings'
import { conflictResolveSchema, syncConfigureSchema, syncConnectSchema, type ConflictItem, type SyncProblems, type SyncStatus } from '../modules/sync'
import {
  adminCreateTeamSchema, adminCreateUserSchema, teamAdminUpdateUserSchema, teamAdminUserIdSchema, type AdminOneTimePassword, type TeamAdminView,
} from '../modules/sync'
import {
  conversationFieldsSchema, conversationUpdateSchema, offerExportSchema, offerFieldsSchema, offerListQuerySchema, offerLoseSchema,
  offerUpdateSchema, offerWinSchema, orderRateExportSchema, orderRateQuerySchema, productExportSchema, productFieldsSchema, productImportSchema, productListQuerySchema, productUpdateSchema,
} from '../modules/offers'
import type { Conversation, DiscountState, Offer, OfferListItem, OrderRateReport, Product } from '../modules/offers'
import { approvalDecideSchema, approvalRequestSchema, approvalStateSchema } from '../modules/offers'
import { workListCompleteSchema, workListIcsQuerySchema, workListQuerySchema, workListSnoozeSchema, type WorkList } from '../modules/worklist'
import { companyProfileSchema, settingsTeamChooseSchema, teamRulesGetSchema, teamRulesSchema, type CompanyProfileSettings, type SettingsTeamView, type TeamRulesView } from '../modules/settings'
import {
  contractCancelSchema, contractFieldsSchema, contractExportSchema, contractListQuerySchema, contractUpdateSchema, renewalPipelineQuerySchema, renewalReportExportSchema, renewalReportQuerySchema,
} from '../modules/contracts'
import type { Contract, ContractListItem, RenewalPipeline, RenewalReport } from '../modules/contracts'
import {
  assetFieldsSchema, assetUpdateSchema, caseAssignSchema, serviceRequestAssignSchema, serviceRequestDiscardSchema, type ServiceRequestItem, caseFieldsSchema, caseExportSchema, caseListQuerySchema, caseNoteSchema, caseSatisfactionSchema, caseTransitionSchema, complaintDetailsSchema,
  feedbackExportSchema, feedbackFieldsSchema, feedbackListQuerySchema, npsReportExportSchema, npsReportQuerySchema, referralExportSchema, referralFieldsSchema, referralListQuerySchema, referralThanksSchema, returnStepSchema, serviceWorkListQuerySchema, warrantyDecisionSchema,
} from '../modules/service'
import type { Asset, CaseListItem, Feedback, NpsReport, Referral, ServiceCase, ServiceWorkList } from '../modules/service'
import {
  importAnalyseSchema, importIdOnlySchema, importRunSchema, importUploadSchema, savedMappingDeleteSchema, savedMappingSchema,
  type ImportAnalysis, type ImportProgress, type SavedMapping,
  companyMergeSchema, contactDuplicateCheckSchema, duplicateCheckSchema, duplicateDismissSchema, duplicateListSchema,
  consentCreateSchema, consentListSchema, consentWithdrawSchema, retentionKeepSchema, retentionSettingsSchema,
  type Consent, type RetentionReview, type CompanyMergeResult, type ContactDuplicateCandidate, type DuplicateCandidate, type DuplicateCompany, type DuplicateContact, type DuplicateList,
} from '../modules/customers'
import { contactEraseSchema, erasurePreviewSchema, leadEraseSchema, leadErasureListSchema, type ErasureLog, type ErasurePreview, type ErasureResult, type LeadErasureItem } from '../modules/dsgvo'
import { accessReportSchema, type AccessReportAnswer, type AuditLog } from '../modules/dsgvo'
import {
  mailAccountTestSchema, mailAccountsSchema, mailboxAttachmentSchema, mailboxIdSchema, mailboxListSchema, mailboxStateSchema, mailComposeSchema, mailDraftSchema,
  mailTemplateKeySchema, mailTemplateSchema, outboxIdSchema, outboxListSchema,
  type MailAccounts, type MailAccountTest, type MailboxReadReport, type MailDraft, type MailMessageDetail, type MailMessageItem, type MailTemplate, type OutboxEntry,
} from '../modules/mail'
import {
  appointmentFieldsSchema, appointmentIdSchema, appointmentListSchema, appointmentReportSchema, appointmentUpdateSchema, briefingPdfSchema, briefingQuerySchema,
  briefingUpcomingSchema, calendarFeedCreateSchema, calendarFeedRevokeSchema, calendarFeedStatusSchema, remindersDueSchema, taskCompleteSchema,
  taskFieldsSchema, taskIdSchema, taskListSchema, taskUpdateSchema, weekQuerySchema,
  type Appointment, type Briefing, type BriefingFile, type CalendarFeedCreated, type CalendarFeedStatus, type Reminder, type Task, type WeekView,
} from '../modules/planning'
import { conversationConfirmationSchema, promiseFieldsSchema, promiseIdSchema, promiseListSchema, promiseUpdateSchema, type CustomerPromise } from '../modules/offers'
import { TOUCHPOINT_RELATED_TYPES } from '../modules/customers'
import { dashboardQuerySchema, dashboardRowsQuerySchema, type Dashboard, type DashboardRows } from '../modules/success'
import { leadConvertSchema, leadQualifySchema, leadRejectSchema, leadReportSchema, leadRulesFormSchema, type LeadConvertResult, type LeadInbox, type LeadReport, type LeadQualification, type LeadRulesView } from '../modules/leads'
import { erpCompanySchema, erpImportFileSchema, type CompanyErpFacts, type ErpImportPreview, type ErpImportResult } from '../modules/erp'
import { fileAttachSchema, fileIdSchema, fileOfflineSchema, fileRecordSchema, type AttachmentItem, type FileContent, type RecordFiles } from '../modules/files'
import { journeyHistoryQuerySchema, journeyMapQuerySchema, type JourneyHistory, type JourneyMap } from '../modules/journey'
import type { Channel } from './channels'
import {
  triggerFiringsListSchema, triggerReportSchema, triggerRuleSaveSchema, triggerRulesListSchema, type TriggerFiringView, type TriggerReport, type TriggerRulesPage,
  type TriggerRuleView,
} from '../modules/success'

export interface ChannelDef<I extends z.ZodType, O> {
  input: I
  /** Never set: carries the output type for callers. */
  output?: O
}

export interface ProductImportReport {
  columns: string[]
  imported: number
  updated: number
  rejected: Array<{ line: number; errors: Record<string, string> }>
  dryRun: boolean
}

/** A letter is written as DOCX (to edit in a word processor) or PDF (to send); both from the same letter model. */
export const documentFormatSchema = z.enum(['docx', 'pdf']).default('docx')

/** The PDF of a letter that is only looked at (not saved): the offer page shows its first page. */
export interface DocumentPreview {
  /** The PDF, base64-encoded. */
  base64: string
  pageCount: number
}

export interface OfferDocument {
  fileName: string
  /** The DOCX or PDF, base64-encoded (the renderer offers it as a download; the desktop app also opens it). */
  base64: string
  /** i18n keys of problems the document was made despite (missing logo, incomplete profile). */
  warnings: string[]
  savedPath: string
}

const channel = <O>() => <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input })
const none = z.object({}).strict().default({})

export const contract = {
  'app.info': channel<AppInfo>()(none),
  'settings.get': channel<Settings>()(none),
  'settings.update': channel<Settings>()(settingsUpdateSchema),
  'rights.get': channel<MyRights>()(none),
  'users.list': channel<User[]>()(none),
  'companies.list': channel<Page<CompanyListItem>>()(companyListQuerySchema),
  'companies.get': channel<Company>()(byIdSchema),
  'companies.create': channel<Company>()(companyCreateSchema),
  'companies.update': channel<Company>()(companyUpdateSchema),
  'companies.delete': channel<{ id: string }>()(byIdSchema),
  'companies.stationCounts': channel<StationCount[]>()(none),
  'companies.export': channel<ExportFile>()(companyExportSchema),
  'contacts.list': channel<Page<ContactListItem>>()(contactListQuerySchema),
  'contacts.get': channel<Contact>()(byIdSchema),
  'contacts.create': channel<Contact>()(contactCreateSchema),
  'contacts.update': channel<Contact>()(contactUpdateSchema),
  'contacts.delete': channel<{ id: string }>()(byIdSchema),
  'contacts.export': channel<ExportFile>()(contactExportSchema),
  'contacts.vcard': channel<ExportFile>()(contactVcardSchema),
  'contacts.importVcard': channel<VcardImportReport>()(contactVcardImportSchema),
  'erasures.create': channel<ErasureResult>()(contactEraseSchema),
  'erasures.preview': channel<ErasurePreview>()(erasurePreviewSchema),
  'erasures.lead': channel<{ erasureId: string }>()(leadEraseSchema),
  'leadErasure.list': channel<LeadErasureItem[]>()(leadErasureListSchema),
  'erasures.list': channel<ErasureLog>()(none),
  'access.report': channel<AccessReportAnswer>()(accessReportSchema),
  'audit.list': channel<AuditLog>()(none),
  'consents.list': channel<Consent[]>()(consentListSchema),
  'consents.create': channel<Consent>()(consentCreateSchema),
  'consents.withdraw': channel<Consent>()(consentWithdrawSchema),
  'retention.list': channel<RetentionReview>()(none),
  'retention.settings': channel<RetentionReview>()(retentionSettingsSchema),
  'retention.keep': channel<RetentionReview>()(retentionKeepSchema),
  'retention.complete': channel<RetentionReview>()(none),
  'companies.merge': channel<CompanyMergeResult>()(companyMergeSchema),
  'duplicates.list': channel<DuplicateList<DuplicateCompany> | DuplicateList<DuplicateContact>>()(duplicateListSchema),
  'duplicates.check': channel<DuplicateCandidate[]>()(duplicateCheckSchema),
  'duplicates.checkContact': channel<ContactDuplicateCandidate[]>()(contactDuplicateCheckSchema),
  'duplicates.dismiss': channel<{ dismissed: true }>()(duplicateDismissSchema),
  'imports.upload': channel<{ received: number }>()(importUploadSchema),
  'imports.analyse': channel<ImportAnalysis>()(importAnalyseSchema),
  'imports.run': channel<ImportProgress>()(importRunSchema),
  'imports.progress': channel<ImportProgress>()(importIdOnlySchema),
  'imports.cancel': channel<ImportProgress>()(importIdOnlySchema),
  'imports.saveMapping': channel<SavedMapping[]>()(savedMappingSchema),
  'imports.deleteMapping': channel<SavedMapping[]>()(savedMappingDeleteSchema),
  'personas.list': channel<Persona[]>()(none),
  'personas.export': channel<ExportFile>()(personaExportSchema),
  'personas.get': channel<Persona>()(byIdSchema),
  'personas.create': channel<Persona>()(personaCreateSchema),
  'personas.update': channel<Persona>()(personaUpdateSchema),
  'personas.delete': channel<{ id: string }>()(byIdSchema),
  'touchpoints.list': channel<Page<Touchpoint>>()(touchpointListQuerySchema),
  'touchpoints.export': channel<ExportFile>()(touchpointExportSchema),
  'touchpoints.create': channel<Touchpoint>()(touchpointCreateSchema),
  'touchpoints.delete': channel<{ id: string }>()(byIdSchema),
  'timeline.forRecord': channel<Touchpoint[]>()(z.object({ relatedType: z.enum(TOUCHPOINT_RELATED_TYPES), relatedId: idSchema }).strict()),
  'timeline.forCompany': channel<Page<TimelineEntry>>()(timelineQuerySchema),
  'demo.load': channel<{ companies: number }>()(demoLoadSchema),
  'demo.open': channel<{ database: 'demo' }>()(none),
  'demo.close': channel<{ database: 'real' }>()(none),
  'sync.status': channel<SyncStatus>()(none),
  'sync.connect': channel<SyncStatus>()(syncConnectSchema),
  'sync.disconnect': channel<SyncStatus>()(none),
  'sync.now': channel<SyncStatus>()(none),
  'sync.configure': channel<SyncStatus>()(syncConfigureSchema),
  'sync.online': channel<SyncStatus>()(none),
  'conflicts.list': channel<ConflictItem[]>()(none),
  'conflicts.resolve': channel<{ id: string }>()(conflictResolveSchema),
  'sync.problems': channel<SyncProblems>()(none),
  'sync.dismissRejected': channel<SyncProblems>()(none),
  'products.list': channel<Page<Product>>()(productListQuerySchema),
  'products.export': channel<ExportFile>()(productExportSchema),
  'products.get': channel<Product>()(byIdSchema),
  'products.create': channel<Product>()(productFieldsSchema),
  'products.update': channel<Product>()(productUpdateSchema),
  'products.import': channel<ProductImportReport>()(productImportSchema),
  'conversations.list': channel<Conversation[]>()(z.object({ companyId: idSchema })),
  'conversations.get': channel<Conversation>()(byIdSchema),
  'conversations.create': channel<Conversation>()(conversationFieldsSchema),
  'conversations.update': channel<Conversation>()(conversationUpdateSchema),
  'conversations.confirmation': channel<OfferDocument>()(conversationConfirmationSchema),
  'promises.list': channel<CustomerPromise[]>()(promiseListSchema),
  'promises.create': channel<CustomerPromise>()(promiseFieldsSchema),
  'promises.update': channel<CustomerPromise>()(promiseUpdateSchema),
  'promises.complete': channel<CustomerPromise>()(promiseIdSchema),
  'promises.cancel': channel<CustomerPromise>()(promiseIdSchema),
  'tasks.list': channel<Task[]>()(taskListSchema),
  'tasks.get': channel<Task>()(taskIdSchema),
  'tasks.create': channel<Task>()(taskFieldsSchema),
  'tasks.update': channel<Task>()(taskUpdateSchema),
  'tasks.complete': channel<Task>()(taskCompleteSchema),
  'tasks.cancel': channel<Task>()(taskIdSchema),
  'appointments.list': channel<Appointment[]>()(appointmentListSchema),
  'appointments.get': channel<Appointment>()(appointmentIdSchema),
  'appointments.week': channel<WeekView>()(weekQuerySchema),
  'appointments.create': channel<Appointment>()(appointmentFieldsSchema),
  'appointments.update': channel<Appointment>()(appointmentUpdateSchema),
  'appointments.cancel': channel<Appointment>()(appointmentIdSchema),
  'appointments.report': channel<Appointment>()(appointmentReportSchema),
  'appointments.invitation': channel<ExportFile>()(appointmentIdSchema),
  'briefing.get': channel<Briefing>()(briefingQuerySchema),
  'briefing.pdf': channel<ExportFile>()(briefingPdfSchema),
  'briefing.upcoming': channel<BriefingFile[]>()(briefingUpcomingSchema),
  'health.get': channel<CompanyHealth>()(healthGetSchema),
  'healthSettings.get': channel<HealthSettingsView>()(healthSettingsGetSchema),
  'healthSettings.update': channel<HealthSettingsView>()(healthSettingsUpdateSchema),
  'calendarFeed.status': channel<CalendarFeedStatus>()(calendarFeedStatusSchema),
  'calendarFeed.create': channel<CalendarFeedCreated>()(calendarFeedCreateSchema),
  'calendarFeed.revoke': channel<CalendarFeedStatus>()(calendarFeedRevokeSchema),
  // Issue 18: team administration through the sync server (managers and admins), moving a company to another team.
  'teamAdmin.get': channel<TeamAdminView>()(none),
  'teamAdmin.createUser': channel<AdminOneTimePassword>()(adminCreateUserSchema),
  'teamAdmin.updateUser': channel<{ ok: true }>()(teamAdminUpdateUserSchema),
  'teamAdmin.disableUser': channel<{ ok: true }>()(teamAdminUserIdSchema),
  'teamAdmin.resetPassword': channel<AdminOneTimePassword>()(teamAdminUserIdSchema),
  'teamAdmin.createTeam': channel<{ id: string }>()(adminCreateTeamSchema),
  'companies.teamOf': channel<{ teamId: string }>()(byIdSchema),
  'companies.moveTeam': channel<{ id: string; teamId: string }>()(companyMoveTeamSchema),
  'reminders.due': channel<Reminder[]>()(remindersDueSchema),
  'erp.preview': channel<ErpImportPreview>()(erpImportFileSchema),
  'erp.import': channel<ErpImportResult>()(erpImportFileSchema),
  'erp.forCompany': channel<CompanyErpFacts>()(erpCompanySchema),
  'leads.inbox': channel<LeadInbox>()(none),
  'leads.convert': channel<LeadConvertResult>()(leadConvertSchema),
  'leads.reject': channel<{ id: string }>()(leadRejectSchema),
  'leads.qualify': channel<{ id: string }>()(leadQualifySchema),
  'leadQualification.get': channel<{ qualification: LeadQualification | null }>()(z.object({ companyId: idSchema })),
  'leadRules.get': channel<LeadRulesView>()(none),
  'leadRules.update': channel<LeadRulesView>()(leadRulesFormSchema),
  'reports.leads': channel<LeadReport>()(leadReportSchema),
  'offers.list': channel<Page<OfferListItem>>()(offerListQuerySchema),
  'offers.export': channel<ExportFile>()(offerExportSchema),
  'offers.get': channel<Offer>()(byIdSchema),
  'offers.create': channel<Offer>()(offerFieldsSchema),
  'offers.update': channel<Offer>()(offerUpdateSchema),
  'offers.revise': channel<Offer>()(byIdSchema),
  'offers.send': channel<Offer>()(byIdSchema),
  'offers.win': channel<Offer>()(offerWinSchema),
  'offers.lose': channel<Offer>()(offerLoseSchema),
  'offers.withdraw': channel<Offer>()(byIdSchema),
  'offers.document': channel<OfferDocument>()(z.object({ id: idSchema, revision: z.number().int().min(1).optional(), format: documentFormatSchema })),
  'offers.preview': channel<DocumentPreview>()(z.object({ id: idSchema, revision: z.number().int().min(1).optional() })),
  'approvals.get': channel<DiscountState>()(approvalStateSchema),
  'approvals.request': channel<DiscountState>()(approvalRequestSchema),
  'approvals.decide': channel<DiscountState>()(approvalDecideSchema),
  'approvals.acknowledge': channel<{ id: string }>()(byIdSchema),
  'reports.orderRate': channel<OrderRateReport>()(orderRateQuerySchema),
  'orderRate.export': channel<ExportFile>()(orderRateExportSchema),
  'profile.get': channel<CompanyProfileSettings>()(none),
  'profile.update': channel<CompanyProfileSettings>()(companyProfileSchema),
  'teamRules.get': channel<TeamRulesView>()(teamRulesGetSchema),
  'teamRules.update': channel<TeamRulesView>()(teamRulesSchema),
  'settingsTeam.get': channel<SettingsTeamView>()(none),
  'settingsTeam.choose': channel<SettingsTeamView>()(settingsTeamChooseSchema),
  'contracts.list': channel<Page<ContractListItem>>()(contractListQuerySchema),
  'contracts.export': channel<ExportFile>()(contractExportSchema),
  'contracts.get': channel<Contract>()(byIdSchema),
  'contracts.create': channel<Contract>()(contractFieldsSchema),
  'contracts.update': channel<Contract>()(contractUpdateSchema),
  'contracts.cancel': channel<Contract>()(contractCancelSchema),
  'contracts.document': channel<OfferDocument>()(z.object({ id: idSchema, format: documentFormatSchema })),
  'contracts.pipeline': channel<RenewalPipeline>()(renewalPipelineQuerySchema),
  'reports.renewal': channel<RenewalReport>()(renewalReportQuerySchema),
  'renewalRate.export': channel<ExportFile>()(renewalReportExportSchema),
  'assets.list': channel<Asset[]>()(z.object({ companyId: idSchema })),
  'assets.get': channel<Asset>()(byIdSchema),
  'assets.create': channel<Asset>()(assetFieldsSchema),
  'assets.update': channel<Asset>()(assetUpdateSchema),
  'cases.list': channel<Page<CaseListItem>>()(caseListQuerySchema),
  'cases.export': channel<ExportFile>()(caseExportSchema),
  'cases.get': channel<ServiceCase>()(byIdSchema),
  'cases.create': channel<ServiceCase>()(caseFieldsSchema),
  'serviceRequests.list': channel<ServiceRequestItem[]>()(none),
  'serviceRequests.assign': channel<ServiceCase>()(serviceRequestAssignSchema),
  'serviceRequests.discard': channel<{ id: string }>()(serviceRequestDiscardSchema),
  'cases.transition': channel<ServiceCase>()(caseTransitionSchema),
  'cases.complaint': channel<ServiceCase>()(complaintDetailsSchema),
  'cases.rate': channel<ServiceCase>()(caseSatisfactionSchema),
  'cases.warrantyDecision': channel<ServiceCase>()(warrantyDecisionSchema),
  'cases.returnStep': channel<ServiceCase>()(returnStepSchema),
  'cases.note': channel<ServiceCase>()(caseNoteSchema),
  'cases.assign': channel<ServiceCase>()(caseAssignSchema),
  'cases.workList': channel<ServiceWorkList>()(serviceWorkListQuerySchema),
  'referrals.list': channel<Page<Referral>>()(referralListQuerySchema),
  'referrals.export': channel<ExportFile>()(referralExportSchema),
  'referrals.create': channel<Referral>()(referralFieldsSchema),
  'referrals.thank': channel<Referral>()(referralThanksSchema),
  'feedback.list': channel<Page<Feedback>>()(feedbackListQuerySchema),
  'feedback.export': channel<ExportFile>()(feedbackExportSchema),
  'feedback.create': channel<Feedback>()(feedbackFieldsSchema),
  'reports.nps': channel<NpsReport>()(npsReportQuerySchema),
  'reports.dashboard': channel<Dashboard>()(dashboardQuerySchema),
  'reports.dashboardRows': channel<DashboardRows>()(dashboardRowsQuerySchema),
  'nps.export': channel<ExportFile>()(npsReportExportSchema),
  'worklist.list': channel<WorkList>()(workListQuerySchema),
  'worklist.complete': channel<{ touchpointId: string }>()(workListCompleteSchema),
  'worklist.snooze': channel<{ id: string }>()(workListSnoozeSchema),
  'mail.compose': channel<MailDraft>()(mailComposeSchema),
  'mail.queue': channel<OutboxEntry>()(mailDraftSchema),
  'mail.eml': channel<ExportFile>()(mailDraftSchema),
  'mailTemplates.list': channel<MailTemplate[]>()(none),
  'mailTemplates.save': channel<MailTemplate>()(mailTemplateSchema),
  'mailTemplates.reset': channel<MailTemplate>()(mailTemplateKeySchema),
  'outbox.list': channel<OutboxEntry[]>()(outboxListSchema),
  'outbox.retry': channel<OutboxEntry>()(outboxIdSchema),
  'outbox.cancel': channel<OutboxEntry>()(outboxIdSchema),
  'outbox.send': channel<{ sent: number; failed: number; waiting: number }>()(none),
  'mailAccounts.get': channel<MailAccounts>()(none),
  'mailAccounts.save': channel<MailAccounts>()(mailAccountsSchema),
  'mailAccounts.test': channel<MailAccountTest>()(mailAccountTestSchema),
  'mailbox.list': channel<Page<MailMessageItem>>()(mailboxListSchema),
  'mailbox.get': channel<MailMessageDetail>()(mailboxIdSchema),
  'mailbox.attachment': channel<ExportFile>()(mailboxAttachmentSchema),
  'mailbox.setState': channel<MailMessageItem>()(mailboxStateSchema),
  'mailbox.fetch': channel<MailboxReadReport>()(none),
  'worklist.ics': channel<{ fileName: string; content: string }>()(workListIcsQuerySchema),
  'triggerRules.list': channel<TriggerRulesPage>()(triggerRulesListSchema),
  'triggerRules.save': channel<TriggerRuleView>()(triggerRuleSaveSchema),
  'triggerFirings.list': channel<TriggerFiringView[]>()(triggerFiringsListSchema),
  'reports.triggers': channel<TriggerReport>()(triggerReportSchema),
  'journey.history': channel<JourneyHistory>()(journeyHistoryQuerySchema),
  'journey.map': channel<JourneyMap>()(journeyMapQuerySchema),
  'files.list': channel<RecordFiles>()(fileRecordSchema),
  'files.get': channel<FileContent>()(fileIdSchema),
  'files.attach': channel<AttachmentItem>()(fileAttachSchema),
  'files.remove': channel<{ ok: true }>()(fileIdSchema),
  'files.setOffline': channel<{ offline: boolean }>()(fileOfflineSchema),
} satisfies Record<Channel, ChannelDef<z.ZodType, unknown>>

export type IpcContract = typeof contract
export type ChannelInput<C extends Channel> = z.input<IpcContract[C]['input']>
export type ChannelParsed<C extends Channel> = z.output<IpcContract[C]['input']>
export type ChannelOutput<C extends Channel> = NonNullable<IpcContract[C]['output']>
