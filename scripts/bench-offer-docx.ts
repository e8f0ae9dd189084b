// The offer letter with 50 items, generated 10 times: the median in ms (`npx tsx scripts/bench-offer-docx.ts`).
import { offerLetterDocx } from '../electron/main/modules/offers'
import { manyItems } from '../tests/helpers/offer-letter-fixture'

export async function benchOfferDocx(): Promise<{ ms50: number }> {
  const input = manyItems(50)
  for (let i = 0; i < 3; i++) await offerLetterDocx(input)
  const samples: number[] = []
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now()
    await offerLetterDocx(input)
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return { ms50: samples[5]! }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchOfferDocx().then(({ ms50 }) => console.log(JSON.stringify({ name: 'docx.offer_50_items.median', value: Math.round(ms50 * 100) / 100, unit: 'ms' })))
}
