// Everything the contract confirmation needs, gathered by the contract document service.
import type { LetterItem, LetterParties } from '../../platform/letter.types'
import type { NoticePeriod } from './contract.dates'

export interface ContractLetterInput extends LetterParties {
  customerNumber: string
  contractNumber: string
  offerNumber: string
  date: string
  title: string
  typeLabel: string
  startDate: string
  minimumTermMonths: number
  endDate: string
  notice: NoticePeriod
  cancelBy: string
  renewalMonths: number
  annualValueCents: number
  items: LetterItem[]
}
