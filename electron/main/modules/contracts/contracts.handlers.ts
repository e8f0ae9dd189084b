// Handlers of the contract and renewal stations.
import path from 'node:path'
import { contractDocument } from './contract-document.service'
import { cancelContract } from './cancellation.service'
import { createContract, getContract, listContracts, updateContract } from './contract.service'
import { exportContracts } from './contract-export.service'
import { renewalPipeline, renewalReport } from './renewal.service'
import { exportRenewalReport } from './renewal-export.service'
import type { HandlerMap } from '../../ipc/handler-types'

type ContractChannels =
  | 'contracts.list' | 'contracts.export' | 'contracts.get' | 'contracts.create' | 'contracts.update' | 'contracts.cancel' | 'contracts.document' | 'contracts.pipeline'
  | 'reports.renewal' | 'renewalRate.export'

export const contractHandlers = {
  'contracts.list': ({ ctx }, q) => listContracts(ctx, q),
  'contracts.export': ({ ctx }, q) => exportContracts(ctx, q),
  'contracts.get': ({ ctx }, { id }) => getContract(ctx, id),
  'contracts.create': ({ ctx }, fields) => createContract(ctx, fields),
  'contracts.update': ({ ctx }, { id, ...fields }) => updateContract(ctx, id, fields),
  'contracts.cancel': ({ ctx }, input) => cancelContract(ctx, input),
  'contracts.document': async (app, input) => {
    const document = await contractDocument(app.ctx, input, path.join(path.dirname(app.env.databasePath), 'Dokumente'))
    await app.openPath?.(document.savedPath)
    return document
  },
  'contracts.pipeline': ({ ctx }, q) => renewalPipeline(ctx, q),
  'reports.renewal': ({ ctx }, q) => renewalReport(ctx, q),
  'renewalRate.export': ({ ctx }, q) => exportRenewalReport(ctx, q),
} satisfies Pick<HandlerMap, ContractChannels>
