// `npm run bench` part: the import of a large customer file through the channels the screen uses — 20,000
// companies, then 60,000 contacts found by their company's number — on a fresh database; each figure is the
// time from the first uploaded chunk to the last batch written (issue target: both together under a minute).
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startCore } from '../electron/main/core'
import { dispatch } from '../electron/main/ipc/dispatch'
import { IMPORT_CHUNK_BYTES, type ImportAnalysis, type ImportProgress, type ImportTarget } from '../shared/modules/customers'

const COMPANIES = Number(process.env.BENCH_IMPORT_COMPANIES ?? 20_000)
const CONTACTS_PER_COMPANY = 3
const CITIES = ['Köln;50667;Nordrhein-Westfalen', 'Braunschweig;38100;Niedersachsen', 'Dresden;01067;Sachsen', 'München;80331;Bayern', 'Hamburg;20095;Hamburg']
const FIRST = ['Anna', 'Jörg', 'Özlem', 'Lea', 'Björn', 'Sören', 'Maria', 'Jan']
const LAST = ['Müller', 'Weiß', 'Schäfer', 'Groß', 'Krüger', 'Öztürk', 'Becker', 'Hoffmann']

export function companyFile(): Buffer {
  const lines = ['Kundennummer;Firma;Straße;PLZ;Ort;Bundesland;Branche;Status']
  for (let i = 0; i < COMPANIES; i++) {
    const [city, zip, state] = CITIES[i % CITIES.length]!.split(';')
    lines.push(`K-${100000 + i};Bench ${i} Maschinenbau GmbH;Hauptstraße ${i % 200};${zip};${city};${state};Maschinenbau;${i % 3 === 0 ? 'Kunde' : 'Interessent'}`)
  }
  return Buffer.from(lines.join('\r\n'), 'latin1')
}

export function contactFile(): Buffer {
  const lines = ['Kundennummer;Anrede;Vorname;Nachname;E-Mail;Telefon;Position']
  for (let i = 0; i < COMPANIES; i++) {
    for (let k = 0; k < CONTACTS_PER_COMPANY; k++) {
      const first = FIRST[(i + k) % FIRST.length]!
      const last = LAST[(i * 3 + k) % LAST.length]!
      lines.push(`K-${100000 + i};${k % 2 ? 'Herr' : 'Frau'};${first};${last};kontakt${k}@firma${i}.de;0221 ${100000 + i};Einkauf`)
    }
  }
  return Buffer.from(lines.join('\r\n'), 'latin1')
}

type App = Awaited<ReturnType<typeof startCore>>['app']
async function must<T>(app: App, channel: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const answer = await dispatch(app, channel, input)
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`)
  return answer.data as T
}

/** Uploads, analyses and runs one file to its end; the milliseconds it took and what it did. */
export async function importFile(app: App, target: ImportTarget, bytes: Buffer): Promise<{ ms: number; progress: ImportProgress }> {
  const t0 = performance.now()
  const importId = randomUUID()
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    await must(app, 'imports.upload', { importId, target, size: bytes.length, offset, base64: bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES).toString('base64') })
  }
  const analysis = await must<ImportAnalysis>(app, 'imports.analyse', { importId })
  let progress = await must<ImportProgress>(app, 'imports.run', { importId, mapping: analysis.mapping, matchBy: analysis.matchBy })
  while (progress.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50))
    progress = await must<ImportProgress>(app, 'imports.progress', { importId })
  }
  return { ms: performance.now() - t0, progress }
}

export async function benchImport(emit: (name: string, value: number, unit: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-bench-import-'))
  const core = await startCore(path.join(dir, 'import.sqlite'), 'web')
  try {
    const companies = await importFile(core.app, 'companies', companyFile())
    if (companies.progress.state !== 'done' || companies.progress.created !== COMPANIES) throw new Error(`company import: ${JSON.stringify(companies.progress)}`)
    emit(`import.companies_${COMPANIES}`, companies.ms, 'ms')
    const contacts = await importFile(core.app, 'contacts', contactFile())
    if (contacts.progress.state !== 'done' || contacts.progress.created !== COMPANIES * CONTACTS_PER_COMPANY) throw new Error(`contact import: ${JSON.stringify(contacts.progress)}`)
    emit(`import.contacts_${COMPANIES * CONTACTS_PER_COMPANY}`, contacts.ms, 'ms')
    emit('import.companies_and_contacts_total', companies.ms + contacts.ms, 'ms')
    emit('import.peak_rss', process.memoryUsage().rss / 1024 / 1024, 'MB')
  } finally {
    await core.database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchImport((name, value, unit) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit })))
}
