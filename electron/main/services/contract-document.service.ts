// The contract confirmation letter, made from the contract as it is now; saved next to the database.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ContractLetterInput } from '../../../shared/domain/contracts/contract-letter.types'
import { translate } from '../../../shared/i18n'
import { todayOf, type ServiceContext } from './context'
import { getContract } from './contract.service'
import { letterParties } from './offer-document.service'

const WARNING_KEYS: Record<string, string> = { logo_missing: 'offer.warnings.logoMissing', profile_incomplete: 'offer.warnings.profileIncomplete' }

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
      position: i.position, sku: i.sku, name: i.name, description: i.description, quantity: i.quantity, unit: i.unit, unitPriceCents: Math.round(i.unitPrice * 100),
      discountPercent: i.discountPercent, vatRate: i.vatRate, netCents: i.netCents, optional: i.optional,
    })),
  }
  const { renderContractLetter } = await import('../documents/contract-letter')
  const { buffer, warnings } = await renderContractLetter(letter)
  const fileName = `Vertragsbestaetigung-${contract.number}.docx`
  await mkdir(documentsDir, { recursive: true })
  const savedPath = path.join(documentsDir, fileName)
  await writeFile(savedPath, buffer)
  return { fileName, base64: buffer.toString('base64'), warnings: warnings.map((w) => WARNING_KEYS[w] ?? w), savedPath }
}
