// A realistic offer letter input: Nordlicht Anlagenbau (Hannover) writes to Frau Dr. Anna Berger of
// Brunsviga Präzisionstechnik in Braunschweig after a pre-offer conversation.
import type { LetterItem } from '../../shared/platform/letter.types'
import type { OfferLetterInput } from '../../shared/modules/offers/offer-letter.types'
import { computeOfferTotals } from '../../shared/platform/line-item-totals'

type ItemSeed = Omit<LetterItem, 'position' | 'netCents'>

export function letterInput(items: ItemSeed[] = DEFAULT_ITEMS, overrides: Partial<OfferLetterInput> = {}): OfferLetterInput {
  const totals = computeOfferTotals({
    items: items.map((i) => ({ quantity: i.quantity, unitPriceCents: i.unitPriceCents, discountPercent: i.discountPercent, vatRate: i.vatRate as 19 | 7 | 0, optional: i.optional })),
    offerDiscountPercent: 3, skontoPercent: 2,
  })
  return {
    language: 'de',
    seller: {
      name: 'Nordlicht Anlagenbau GmbH', street: 'Podbielskistraße 120', postalCode: '30177', city: 'Hannover', phone: '+49 511 123456-0', email: 'vertrieb@nordlicht.example',
      website: 'www.nordlicht.example', managingDirectors: 'Dr. Karin Weber, Tobias Brandt', registerCourt: 'Amtsgericht Hannover', registerNumber: 'HRB 123456',
      vatId: 'DE123456789', bankName: 'Sparkasse Hannover', iban: 'DE89 3704 0044 0532 0130 00', bic: 'SPKHDE2HXXX',
    },
    recipient: { companyName: 'Brunsviga Präzisionstechnik GmbH', street: 'Hamburger Straße 12', postalCode: '38114', city: 'Braunschweig', salutation: 'ms', title: 'Dr.', firstName: 'Anna', lastName: 'Berger', jobFunction: 'Leiterin Einkauf' },
    offerNumber: 'A-2026-7KQ3M-0007',
    revision: 1,
    offerDate: '2026-11-19',
    validUntil: '2026-12-19',
    customerNumber: 'K-38100',
    conversation: { date: '2026-11-12', needs: 'Prüfzeiten in der Endkontrolle halbieren', goals: 'Ausschussquote unter 1 %', worries: 'Stillstand der Linie während der Umstellung', decisionCriteria: 'Termintreue, Service' },
    benefits: 'Umstellung am Wochenende, ohne Stillstand\nPrüfzeit pro Teil von 90 auf 40 Sekunden\nServicetechniker in 4 Stunden vor Ort',
    introduction: '',
    items: items.map((i, index) => ({ ...i, position: index + 1, netCents: totals.lines[index]!.netCents })),
    totals: {
      itemsNetCents: totals.itemsNetCents, offerDiscountPercent: 3, offerDiscountCents: totals.offerDiscountCents, netCents: totals.netCents,
      vat: totals.vat, grossCents: totals.grossCents, optionalNetCents: totals.optionalNetCents,
    },
    paymentTerms: { netDays: 30, skontoPercent: 2, skontoDays: 10 },
    deliveryTerms: 'frei Haus, 6 Wochen nach Auftragseingang',
    rep: { name: 'Jan Petersen', jobTitle: 'Vertrieb Norddeutschland', phone: '+49 511 123456-42', email: 'j.petersen@nordlicht.example' },
    ...overrides,
  }
}

export const DEFAULT_ITEMS: ItemSeed[] = [
  { sku: 'PS-200', name: 'Prüfstand PS-200', description: 'Mit Datenlogger und Auswertungssoftware', quantity: 2, unit: 'Stück', unitPriceCents: 1499_99, discountPercent: 5, vatRate: 19, optional: false },
  { sku: 'IN-1', name: 'Inbetriebnahme und Einweisung', description: '', quantity: 1, unit: 'Tag', unitPriceCents: 890_00, discountPercent: 0, vatRate: 19, optional: false },
  { sku: 'FB-1', name: 'Fachbuch Prüftechnik', description: '', quantity: 3, unit: 'Stück', unitPriceCents: 49_90, discountPercent: 0, vatRate: 7, optional: false },
  { sku: 'WV-12', name: 'Wartungsvertrag 12 Monate', description: '', quantity: 1, unit: 'Pauschale', unitPriceCents: 1200_00, discountPercent: 0, vatRate: 19, optional: true },
]

export const manyItems = (n: number): OfferLetterInput =>
  letterInput(Array.from({ length: n }, (_, i) => ({ ...DEFAULT_ITEMS[i % 3]!, name: `${DEFAULT_ITEMS[i % 3]!.name} (${i + 1})` })))
