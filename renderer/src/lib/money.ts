// Money in the UI language's format (de-DE by default): "1.234,56 €".
import { formatCents } from '../../../shared/modules/offers/offer.totals'

export const money = (cents: number, language: 'de' | 'en'): string => formatCents(cents, language)
