// The contract confirmation letter, made from the contract as it is now; saved in the documents folder
// next to the database under a safe name (the contract number may come from another laptop).
import type { ContractLetterInput } from '../../../../shared/modules/contracts/contract-letter.types'
import { translate } from '../../../../shared/i18n'
import { todayOf, type ServiceContext } from '../../platform/context'
import { getContract } from './contract.service'
import { letterParties, saveLetter } from '../../platform/documents/letters'

export async function contractDocument(ctx: ServiceContext, input: { id: string }, documentsDir: string) {
  const contract = await getContract(ctx, input.id)
  const parties = await letterParties(ctx, contract.companyId, contract.contactId, contract.ownerId)
  const letter: ContractLetterInput = {
    ...parties,
    contractNumber: contract.number,
    offerNumber: contract.offerNumber,
    date: todayOf(ctx),
    title: contract.title,
    typeLabel: translate(parties.language, `enum.contractType.${contract.type}`),
    startDate: contract.startDate,
    minimumTermMonths: contract.minimumTermMonths,
    endDate: contract.endDate,
    notice: { value: contract.noticeValue, unit: contract.noticeUnit },
    cancelBy: contract.cancelBy,
    renewalMonths: contract.renewalMonths,
    annualValueCents: contract.annualValueCents,
    items: contract.items.map((i) => ({
      position: i.position, sku: i.sku, name: i.name, description: i.description, quantity: i.quantity, unit: i.unit, unitPriceCents: i.unitPriceCents,
      discountPercent: i.discountPercent, vatRate: i.vatRate, netCents: i.netCents, optional: i.optional,
    })),
  }
  const { renderContractLetter } = await import('./contract-letter')
  return saveLetter(ctx, (logo) => renderContractLetter(letter, logo), { kind: 'Vertragsbestaetigung', number: contract.number, recordId: contract.id, extension: 'docx' }, documentsDir)
}
