// Routes of the app. Hash routing works the same from file:// (desktop) and http:// (web mode).
import { HashRouter, Navigate, Route, Routes, useParams } from 'react-router-dom'
import { AppShell } from './components/app-shell'
import { ContractFormPage } from './features/contracts/contract-form-page'
import { ContractPage } from './features/contracts/contract-page'
import { ContractsPage } from './features/contracts/contracts-page'
import { RenewalReportPage } from './features/contracts/renewal-report-page'
import { AssetFormPage } from './features/service/asset-form-page'
import { CaseFormPage } from './features/service/case-form-page'
import { CasePage } from './features/service/case-page'
import { FeedbackFormPage, NpsPage } from './features/service/feedback-pages'
import { ReferralFormPage, ReferralListPage } from './features/service/referral-pages'
import { ServicePage } from './features/service/service-page'
import { CompanyFormPage } from './features/companies/company-form-page'
import { CompanyListPage } from './features/companies/company-list-page'
import { CompanyPage } from './features/companies/company-page'
import { ContactFormPage } from './features/contacts/contact-form-page'
import { ContactListPage } from './features/contacts/contact-list-page'
import { PersonaFormPage, PersonaListPage } from './features/personas/persona-pages'
import { SettingsPage } from './features/settings/settings-page'
import { ConflictInboxPage } from './features/sync/conflict-inbox'
import { ConversationFormPage } from './features/offers/conversation-form-page'
import { OfferFormPage } from './features/offers/offer-form-page'
import { OfferListPage } from './features/offers/offer-list-page'
import { OfferPage } from './features/offers/offer-page'
import { OrderRatePage } from './features/offers/order-rate-page'
import { ProductsPage } from './features/offers/products-page'
import { WorkListPage } from './features/offers/work-list-page'
import { TouchpointFormPage } from './features/touchpoints/touchpoint-form-page'
import { TouchpointListPage } from './features/touchpoints/touchpoint-list-page'
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
