// The contract confirmation letter as DOCX or PDF, made from the contract as it is now: saved in the
// documents folder next to the database under a safe name (the contract number may come from another
// laptop), or made in memory as PDF for the mail module to attach.
import type { ContractLetterInput } from '../../../../shared/modules/contracts/contract-letter.types'
import { translate } from '../../../../shared/i18n'
import { todayOf, type ServiceContext } from '../../platform/context'
import { getContract } from './contract.service'
import { contractLetterModel } from './contract-letter'
import { letterParties, makeLetter, renderLetter, saveLetter, type LetterFormat, type LetterName } from '../../platform/documents/letters'

/** What the confirmation says, dated today, and the name its file gets. */
async function confirmationLetter(ctx: ServiceContext, id: string): Promise<{ letter: ContractLetterInput; name: LetterName }> {
  const contract = await getContract(ctx, id)
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
  return { letter, name: { kind: 'Vertragsbestaetigung', number: contract.number, recordId: contract.id } }
}

/** The confirmation as DOCX (default) or PDF, saved in `documentsDir`. */
export async function contractDocument(ctx: ServiceContext, input: { id: string; format?: LetterFormat }, documentsDir: string) {
  const { letter, name } = await confirmationLetter(ctx, input.id)
  return saveLetter(ctx, (logo) => contractLetterModel(letter, logo), input.format ?? 'docx', name, documentsDir)
}

/** The confirmation as PDF, in memory, for the mail module to attach; nothing is written to disk. */
export async function contractPdf(ctx: ServiceContext, input: { id: string }): Promise<{ fileName: string; buffer: Buffer }> {
  const { letter, name } = await confirmationLetter(ctx, input.id)
  const { fileName, buffer } = await makeLetter(ctx, (logo) => contractLetterModel(letter, logo), 'pdf', name)
  return { fileName, buffer }
}

/** The confirmation as DOCX, without the device (tests). */
export const contractLetterDocx = (letter: ContractLetterInput, logo: Buffer | null = null) => renderLetter(contractLetterModel(letter, logo), 'docx')

/** The confirmation as PDF, without the device (tests). */
export const contractLetterPdf = (letter: ContractLetterInput, logo: Buffer | null = null) => renderLetter(contractLetterModel(letter, logo), 'pdf')
