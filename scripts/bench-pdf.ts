// The offer letter with 50 items as PDF, rendered 10 times after 3 warm-ups: the median in ms
// (`npx tsx scripts/bench-pdf.ts`; target below 300 ms). One JSON object per line.
import { offerLetterPdf } from '../electron/main/modules/offers'
import { manyItems } from '../tests/helpers/offer-letter-fixture'

export async function benchPdf(): Promise<{ ms: number; pages: number }> {
  const input = manyItems(50)
  let pages = 0
  for (let i = 0; i < 3; i++) pages = (await offerLetterPdf(input)).pageCount ?? 0
  const samples: number[] = []
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now()
    await offerLetterPdf(input)
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return { ms: (samples[4]! + samples[5]!) / 2, pages }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchPdf().then(({ ms, pages }) => console.log(JSON.stringify({ name: 'pdf.offer_50_items', ms: Math.round(ms * 100) / 100, pages })))
}
