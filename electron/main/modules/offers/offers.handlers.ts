// Handlers of the offer station: products, pre-offer conversations, offers, follow-ups, order rate.
import path from 'node:path'
import { createConversation, getConversation, listConversations, updateConversation } from './conversation.service'
import { offerDocument, offerPreview } from './offer-document.service'
import { createOffer, getOffer, listOffers, loseOffer, reviseOffer, sendOffer, updateOffer, winOffer, withdrawOffer } from './offer.service'
import { acknowledgeDecision, decideApproval, getDiscountState, requestApproval } from './approval.service'
import { exportOffers } from './offer-export.service'
import { orderRateReport } from './order-rate.service'
import { createProduct, getProduct, importProducts, listProducts, updateProduct } from './product.service'
import { exportOrderRate } from './order-rate-export.service'
import { exportProducts } from './product-export.service'
import type { HandlerMap } from '../../ipc/handler-types'

type OfferChannels =
  | 'products.list' | 'products.export' | 'products.get' | 'products.create' | 'products.update' | 'products.import'
  | 'conversations.list' | 'conversations.get' | 'conversations.create' | 'conversations.update'
  | 'offers.list' | 'offers.export' | 'offers.get' | 'offers.create' | 'offers.update' | 'offers.revise' | 'offers.send' | 'offers.win' | 'offers.lose' | 'offers.withdraw' | 'offers.document' | 'offers.preview'
  | 'reports.orderRate' | 'orderRate.export' | 'approvals.get' | 'approvals.request' | 'approvals.decide' | 'approvals.acknowledge'

export const offerHandlers = {
  'products.list': ({ ctx }, q) => listProducts(ctx, q),
  'products.export': ({ ctx }, q) => exportProducts(ctx, q),
  'products.get': ({ ctx }, { id }) => getProduct(ctx, id),
  'products.create': ({ ctx }, fields) => createProduct(ctx, fields),
  'products.update': ({ ctx }, { id, ...fields }) => updateProduct(ctx, id, fields),
  'products.import': ({ ctx }, input) => importProducts(ctx, input),
  'conversations.list': ({ ctx }, { companyId }) => listConversations(ctx, companyId),
  'conversations.get': ({ ctx }, { id }) => getConversation(ctx, id),
  'conversations.create': ({ ctx }, fields) => createConversation(ctx, fields),
  'conversations.update': ({ ctx }, { id, ...fields }) => updateConversation(ctx, id, fields),
  'offers.list': ({ ctx }, q) => listOffers(ctx, q),
  'approvals.get': ({ ctx }, { offerId }) => getDiscountState(ctx, offerId),
  'approvals.request': ({ ctx }, input) => requestApproval(ctx, input),
  'approvals.decide': ({ ctx }, input) => decideApproval(ctx, input),
  'approvals.acknowledge': async ({ ctx }, { id }) => {
    await acknowledgeDecision(ctx, id)
    return { id }
  },
  'offers.export': ({ ctx }, q) => exportOffers(ctx, q),
  'offers.get': ({ ctx }, { id }) => getOffer(ctx, id),
  'offers.create': ({ ctx }, fields) => createOffer(ctx, fields),
  'offers.update': ({ ctx }, { id, ...fields }) => updateOffer(ctx, id, fields),
  'offers.revise': ({ ctx }, { id }) => reviseOffer(ctx, id),
  'offers.send': ({ ctx }, { id }) => sendOffer(ctx, id),
  'offers.win': ({ ctx }, input) => winOffer(ctx, input),
  'offers.lose': ({ ctx }, input) => loseOffer(ctx, input),
  'offers.withdraw': ({ ctx }, { id }) => withdrawOffer(ctx, id),
  'offers.document': async (app, input) => {
    const document = await offerDocument(app.ctx, input, path.join(path.dirname(app.env.databasePath), 'Dokumente'))
    await app.openPath?.(document.savedPath) // desktop: open it in the word processor (DOCX) or the PDF viewer
    return document
  },
  // The PDF of a revision for the offer page's preview, made in memory: nothing is saved.
  'offers.preview': ({ ctx }, input) => offerPreview(ctx, input),
  'reports.orderRate': ({ ctx }, q) => orderRateReport(ctx, q),
  'orderRate.export': ({ ctx }, q) => exportOrderRate(ctx, q),
} satisfies Pick<HandlerMap, OfferChannels>
