// Routes of the app. Hash routing works the same from file:// (desktop) and http:// (web mode).
import { HashRouter, Navigate, Route, Routes, useParams } from 'react-router-dom'
import { AppShell } from './components/app-shell'
import { ContractFormPage } from './modules/contracts/contract-form-page'
import { ContractPage } from './modules/contracts/contract-page'
import { ContractsPage } from './modules/contracts/contracts-page'
import { RenewalReportPage } from './modules/contracts/renewal-report-page'
import { AssetFormPage } from './modules/service/asset-form-page'
import { CaseFormPage } from './modules/service/case-form-page'
import { CasePage } from './modules/service/case-page'
import { FeedbackFormPage, NpsPage } from './modules/service/feedback-pages'
import { ReferralFormPage, ReferralListPage } from './modules/service/referral-pages'
import { ServicePage } from './modules/service/service-page'
import { CompanyFormPage } from './modules/customers/company-form-page'
import { CompanyListPage } from './modules/customers/company-list-page'
import { CompanyPage } from './modules/customers/company-page'
import { ContactFormPage } from './modules/customers/contact-form-page'
import { ContactListPage } from './modules/customers/contact-list-page'
import { PersonaFormPage, PersonaListPage } from './modules/customers/persona-pages'
import { SettingsPage } from './modules/settings/settings-page'
import { ConflictInboxPage } from './modules/sync/conflict-inbox'
import { ConversationFormPage } from './modules/offers/conversation-form-page'
import { OfferFormPage } from './modules/offers/offer-form-page'
import { OfferListPage } from './modules/offers/offer-list-page'
import { OfferPage } from './modules/offers/offer-page'
import { OrderRatePage } from './modules/offers/order-rate-page'
import { ProductsPage } from './modules/offers/products-page'
import { WorkListPage } from './modules/worklist/work-list-page'
import { TouchpointFormPage } from './modules/customers/touchpoint-form-page'
import { TouchpointListPage } from './modules/customers/touchpoint-list-page'
import { I18nProvider } from './lib/i18n'

/** Each station is its own view: search and filters start fresh when the station changes. */
function StationPage() {
  const { station } = useParams()
  return <CompanyListPage key={station} />
}

export function App() {
  return (
    <I18nProvider>
      <HashRouter>
        <AppShell>
          <Routes>
            <Route path="/" element={<Navigate to="/companies" replace />} />
            <Route path="/companies" element={<CompanyListPage key="all" />} />
            <Route path="/journey/:station" element={<StationPage />} />
            <Route path="/companies/new" element={<CompanyFormPage />} />
            <Route path="/companies/:id" element={<CompanyPage />} />
            <Route path="/companies/:id/edit" element={<CompanyFormPage />} />
            <Route path="/contacts" element={<ContactListPage />} />
            <Route path="/contacts/new" element={<ContactFormPage />} />
            <Route path="/contacts/:id/edit" element={<ContactFormPage />} />
            <Route path="/touchpoints" element={<TouchpointListPage />} />
            <Route path="/touchpoints/new" element={<TouchpointFormPage />} />
            <Route path="/personas" element={<PersonaListPage />} />
            <Route path="/personas/new" element={<PersonaFormPage />} />
            <Route path="/personas/:id" element={<PersonaFormPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="/conflicts" element={<ConflictInboxPage />} />
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
            <Route path="/cases/new" element={<CaseFormPage />} />
            <Route path="/cases/:id" element={<CasePage />} />
            <Route path="/assets/new" element={<AssetFormPage />} />
            <Route path="/assets/:id/edit" element={<AssetFormPage />} />
            <Route path="/referrals" element={<ReferralListPage />} />
            <Route path="/referrals/new" element={<ReferralFormPage />} />
            <Route path="/feedback/new" element={<FeedbackFormPage />} />
            <Route path="/reports/nps" element={<NpsPage />} />
            <Route path="*" element={<Navigate to="/companies" replace />} />
          </Routes>
        </AppShell>
      </HashRouter>
    </I18nProvider>
  )
}
