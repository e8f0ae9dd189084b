// The composition root: the routes of the app, each to a module's page, inside the shell. Only this
// file and shell/ import pages (through the modules' index.ts). Hash routing works the same from
// file:// (desktop) and http:// (web mode).
import { HashRouter, Navigate, Route, Routes, useParams } from 'react-router-dom'
import { I18nProvider } from './lib/i18n'
import { ContractFormPage, ContractPage, ContractsPage, RenewalReportPage } from './modules/contracts'
import {
  type CompanyHealth, CompanyFormPage, CompanyListPage, CompanyPage, ContactFormPage, ContactListPage, CustomerImportPage, DuplicatesPage, PersonaFormPage, RetentionPage, PersonaListPage, TouchpointFormPage, TouchpointListPage,
} from './modules/customers'
import { ConversationFormPage, OfferFormPage, OfferListPage, OfferPage, OrderRatePage, ProductsPage } from './modules/offers'
import { AssetFormPage, CaseFormPage, CasePage, FeedbackFormPage, NpsPage, ReferralFormPage, ReferralListPage, ServicePage, ServiceTriagePage } from './modules/service'
import { FirstStartRedirect, SettingsPage, SetupPage } from './modules/settings'
import { CalendarFeedSection, ConflictInboxPage, SyncSettings, TeamAdminPage } from './modules/sync'
import { AccessReportPage, AuditLogSection, ErasureLogSection, ErasurePage } from './modules/dsgvo'
import { WorkListPage } from './modules/worklist'
import { DashboardPage, DashboardRowsPage } from './modules/success'
import { MailboxPage, MailComposePage, MailSettingsPage, MailSettingsSection, MailTemplatesPage, OutboxPage } from './modules/mail'
import {
  AppointmentFormPage, AppointmentPage, AppointmentsPanel, BriefingPage, BriefingPrefetch, PlanningSettingsSection, ReminderNotices, TaskFormPage, TaskPage, TasksPanel, WeekPage,
} from './modules/planning'
import { LeadInboxPage, LeadReportPage } from './modules/leads'
import { FiringsPanel, HealthLightBadge, HealthPanel, HealthSettingsSection, TriggerReportPage, TriggerRulesPage } from './modules/success'
import { ErpImportPage, ErpPanel } from './modules/erp'
import { JourneyLinePanel, JourneyMapPage } from './modules/journey'
import { FilesPanel } from './modules/files'
import { ContactPanelsProvider, RecordPanelsProvider, type ContactPanel, type RecordPanel } from './components/record-panels'
import { AppShell } from './shell/app-shell'

/** What other modules add to a record's page (customer, offer, contract, case): its tasks, appointments and files. */
const RECORD_PANELS: readonly RecordPanel[] = [
  (record) => <HealthPanel record={record} />,
  (record) => <TasksPanel record={record} />,
  (record) => <AppointmentsPanel record={record} />,
  (record) => <ErpPanel record={record} />,
  (record) => <FiringsPanel record={record} />,
  (record) => <JourneyLinePanel record={record} />,
  (record) => <FilesPanel record={record} />,
]
/** A contact's page shows its files. */
const CONTACT_PANELS: readonly ContactPanel[] = [(contact) => <FilesPanel record={{ kind: 'contact', id: contact.id }} />]

/** The company list shows each customer's health score with the company page's traffic light. */
const healthBadge = ({ score, light }: CompanyHealth) => <HealthLightBadge score={score} light={light} />

/** Each station is its own view: search and filters start fresh when the station changes. */
function StationPage() {
  const { station } = useParams()
  return <CompanyListPage key={station} healthBadge={healthBadge} />
}

export function App() {
  return (
    <I18nProvider>
      <HashRouter>
        <RecordPanelsProvider value={RECORD_PANELS}>
        <ContactPanelsProvider value={CONTACT_PANELS}>
        <AppShell>
          <FirstStartRedirect />
          <ReminderNotices />
          <BriefingPrefetch />
          <Routes>
            <Route path="/" element={<Navigate to="/companies" replace />} />
            <Route path="/companies" element={<CompanyListPage key="all" healthBadge={healthBadge} />} />
            <Route path="/journey/:station" element={<StationPage />} />
            <Route path="/companies/new" element={<CompanyFormPage />} />
            <Route path="/companies/import" element={<CustomerImportPage key="companies" target="companies" />} />
            <Route path="/companies/:id" element={<CompanyPage />} />
            <Route path="/companies/:id/edit" element={<CompanyFormPage />} />
            <Route path="/contacts" element={<ContactListPage />} />
            <Route path="/duplicates" element={<DuplicatesPage />} />
            <Route path="/contacts/new" element={<ContactFormPage />} />
            <Route path="/contacts/import" element={<CustomerImportPage key="contacts" target="contacts" />} />
            <Route path="/contacts/:id/edit" element={<ContactFormPage />} />
            <Route path="/contacts/:id/privacy" element={<ErasurePage />} />
            <Route path="/contacts/:id/access" element={<AccessReportPage />} />
            <Route path="/retention" element={<RetentionPage />} />
            <Route path="/touchpoints" element={<TouchpointListPage />} />
            <Route path="/touchpoints/new" element={<TouchpointFormPage />} />
            <Route path="/personas" element={<PersonaListPage />} />
            <Route path="/personas/new" element={<PersonaFormPage />} />
            <Route path="/personas/:id" element={<PersonaFormPage />} />
            <Route path="/settings" element={<SettingsPage sections={<><SyncSettings /><CalendarFeedSection /><PlanningSettingsSection /><HealthSettingsSection /><MailSettingsSection /><ErasureLogSection /><AuditLogSection /></>} />} />
            <Route path="/setup" element={<SetupPage />} />
            <Route path="/conflicts" element={<ConflictInboxPage />} />
            <Route path="/team" element={<TeamAdminPage />} />
            <Route path="/conversations/new" element={<ConversationFormPage />} />
            <Route path="/conversations/:id" element={<ConversationFormPage />} />
            <Route path="/offers" element={<OfferListPage />} />
            <Route path="/offers/new" element={<OfferFormPage />} />
            <Route path="/offers/:id" element={<OfferPage />} />
            <Route path="/offers/:id/edit" element={<OfferFormPage />} />
            <Route path="/follow-ups" element={<WorkListPage />} />
            <Route path="/reports/order-rate" element={<OrderRatePage />} />
            <Route path="/products" element={<ProductsPage />} />
            <Route path="/contracts" element={<ContractsPage />} />
            <Route path="/contracts/new" element={<ContractFormPage />} />
            <Route path="/contracts/:id" element={<ContractPage />} />
            <Route path="/contracts/:id/edit" element={<ContractFormPage />} />
            <Route path="/reports/renewal" element={<RenewalReportPage />} />
            <Route path="/service" element={<ServicePage />} />
            <Route path="/service/intake" element={<ServiceTriagePage />} />
            <Route path="/cases/new" element={<CaseFormPage />} />
            <Route path="/cases/:id" element={<CasePage />} />
            <Route path="/assets/new" element={<AssetFormPage />} />
            <Route path="/assets/:id/edit" element={<AssetFormPage />} />
            <Route path="/referrals" element={<ReferralListPage />} />
            <Route path="/referrals/new" element={<ReferralFormPage />} />
            <Route path="/feedback/new" element={<FeedbackFormPage />} />
            <Route path="/reports/nps" element={<NpsPage />} />
            <Route path="/triggers" element={<TriggerRulesPage />} />
            <Route path="/leads" element={<LeadInboxPage />} />
            <Route path="/reports/leads" element={<LeadReportPage />} />
            <Route path="/reports/triggers" element={<TriggerReportPage />} />
            <Route path="/reports/journey-map" element={<JourneyMapPage />} />
            <Route path="/mail/compose" element={<MailComposePage />} />
            <Route path="/outbox" element={<OutboxPage />} />
            <Route path="/mailbox" element={<MailboxPage />} />
            <Route path="/settings/mail" element={<MailSettingsPage />} />
            <Route path="/settings/mail/templates" element={<MailTemplatesPage />} />
            <Route path="/tasks/new" element={<TaskFormPage />} />
            <Route path="/tasks/:id" element={<TaskPage />} />
            <Route path="/tasks/:id/edit" element={<TaskFormPage />} />
            <Route path="/week" element={<WeekPage />} />
            <Route path="/appointments/new" element={<AppointmentFormPage />} />
            <Route path="/appointments/:id" element={<AppointmentPage />} />
            <Route path="/appointments/:id/edit" element={<AppointmentFormPage />} />
            <Route path="/companies/:id/briefing" element={<BriefingPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/dashboard/:tile" element={<DashboardRowsPage />} />
            <Route path="/erp/import" element={<ErpImportPage />} />
            <Route path="*" element={<Navigate to="/companies" replace />} />
          </Routes>
        </AppShell>
        </ContactPanelsProvider>
        </RecordPanelsProvider>
      </HashRouter>
    </I18nProvider>
  )
}
