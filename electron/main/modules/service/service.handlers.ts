// Handlers of the use phase: installed base, cases, referrals, feedback, their reminders, NPS.
import { createAsset, getAsset, listAssets, updateAsset } from './asset.service'
import { addCaseNote, assignCase, decideWarranty, rateCase, returnStep, transitionCase, updateComplaint } from './case-workflow.service'
import { createCase, getCase, listCases, serviceWorkList } from './case.service'
import { exportCases } from './case-export.service'
import { createFeedback, listFeedback, npsReport } from './feedback.service'
import { createReferral, listReferrals, thankReferral } from './referral.service'
import { exportFeedback } from './feedback-export.service'
import { exportNpsReport } from './nps-export.service'
import { exportReferrals } from './referral-export.service'
import { assignServiceRequest, discardServiceRequest, listServiceRequests } from './service-request.service'
import type { HandlerMap } from '../../ipc/handler-types'

type ServiceChannels =
  | 'assets.list' | 'assets.get' | 'assets.create' | 'assets.update'
  | 'cases.list' | 'cases.export' | 'cases.get' | 'cases.create' | 'cases.transition' | 'cases.complaint' | 'cases.rate' | 'cases.warrantyDecision' | 'cases.returnStep' | 'cases.note' | 'cases.assign' | 'cases.workList'
  | 'serviceRequests.list' | 'serviceRequests.assign' | 'serviceRequests.discard'
  | 'referrals.list' | 'referrals.export' | 'referrals.create' | 'referrals.thank' | 'feedback.list' | 'feedback.export' | 'feedback.create' | 'reports.nps' | 'nps.export'

export const serviceHandlers = {
  'assets.list': ({ ctx }, { companyId }) => listAssets(ctx, companyId),
  'assets.get': ({ ctx }, { id }) => getAsset(ctx, id),
  'assets.create': ({ ctx }, fields) => createAsset(ctx, fields),
  'assets.update': ({ ctx }, { id, ...fields }) => updateAsset(ctx, id, fields),
  'cases.list': ({ ctx }, q) => listCases(ctx, q),
  'cases.export': ({ ctx }, q) => exportCases(ctx, q),
  'cases.get': ({ ctx }, { id }) => getCase(ctx, id),
  'cases.create': ({ ctx }, fields) => createCase(ctx, fields),
  // Issue 19: the triage list of service requests without a customer.
  'serviceRequests.list': ({ ctx }) => listServiceRequests(ctx),
  'serviceRequests.assign': ({ ctx }, input) => assignServiceRequest(ctx, input),
  'serviceRequests.discard': ({ ctx }, input) => discardServiceRequest(ctx, input),
  'cases.transition': ({ ctx }, input) => transitionCase(ctx, input),
  'cases.complaint': ({ ctx }, input) => updateComplaint(ctx, input),
  'cases.rate': ({ ctx }, input) => rateCase(ctx, input),
  'cases.warrantyDecision': ({ ctx }, input) => decideWarranty(ctx, input),
  'cases.returnStep': ({ ctx }, input) => returnStep(ctx, input),
  'cases.note': ({ ctx }, input) => addCaseNote(ctx, input),
  'cases.assign': ({ ctx }, input) => assignCase(ctx, input),
  'cases.workList': ({ ctx }, q) => serviceWorkList(ctx, q),
  'referrals.list': ({ ctx }, q) => listReferrals(ctx, q),
  'referrals.export': ({ ctx }, q) => exportReferrals(ctx, q),
  'referrals.create': ({ ctx }, fields) => createReferral(ctx, fields),
  'referrals.thank': ({ ctx }, input) => thankReferral(ctx, input),
  'feedback.list': ({ ctx }, q) => listFeedback(ctx, q),
  'feedback.export': ({ ctx }, q) => exportFeedback(ctx, q),
  'feedback.create': ({ ctx }, fields) => createFeedback(ctx, fields),
  'reports.nps': ({ ctx }, q) => npsReport(ctx, q),
  'nps.export': ({ ctx }, q) => exportNpsReport(ctx, q),
} satisfies Pick<HandlerMap, ServiceChannels>
