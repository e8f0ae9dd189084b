// The duplicate scan over a generated list of German companies: `duplicates.scan_20000_companies` in
// `npm run bench`, and the same generator for the scan's unit test. Names are built from surnames,
// trades, places and legal forms, each base name unique; every hundredth company gets a twin typed
// the way people do (umlauts spelled out, another legal form, the city after a comma, a typo).
import { findDuplicateCompanies, type CompanyDuplicateInput } from '../shared/modules/customers'

const SURNAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann',
  'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Herrmann', 'König', 'Walter', 'Huber', 'Kaiser',
  'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Friedrich', 'Keller', 'Günther',
  'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz']
const PARTNERS = ['Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin',
  'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich', 'Brandt', 'Haas',
  'Schreiber', 'Graf', 'Schulte', 'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl', 'Engel', 'Horn', 'Busch', 'Bergmann',
  'Thomas', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer']
const TRADES = ['Metallbau', 'Elektrotechnik', 'Haustechnik', 'Logistik', 'Präzisionsteile', 'Maschinenbau', 'Druckerei',
  'Landtechnik', 'Fenster und Türen', 'Kältetechnik', 'Spedition', 'Holzbau', 'Steuerberatung', 'Autohaus', 'Bäckerei',
  'Sanitär', 'Dachdeckerei', 'Gebäudereinigung', 'Ingenieurbüro', 'Medizintechnik', 'Kunststofftechnik', 'Möbelwerkstatt',
  'Verpackungen', 'Systemhaus', 'Messtechnik', 'Stahlhandel', 'Gartenbau', 'Brunnenbau', 'Feinmechanik', 'Antriebstechnik']
const LEGAL_FORMS = ['GmbH', 'GmbH & Co. KG', 'AG', 'KG', 'OHG', 'e.K.', 'UG (haftungsbeschränkt)', 'GbR', 'mbH', 'SE']
const PLACES: readonly [string, string, string][] = [['Köln', '50', '0221'], ['Düsseldorf', '40', '0211'], ['München', '80', '089'],
  ['Hamburg', '20', '040'], ['Berlin', '10', '030'], ['Stuttgart', '70', '0711'], ['Frankfurt am Main', '60', '069'],
  ['Hannover', '30', '0511'], ['Bremen', '28', '0421'], ['Leipzig', '04', '0341'], ['Dresden', '01', '0351'],
  ['Nürnberg', '90', '0911'], ['Dortmund', '44', '0231'], ['Essen', '45', '0201'], ['Münster', '48', '0251'],
  ['Bielefeld', '33', '0521'], ['Osnabrück', '49', '0541'], ['Kassel', '34', '0561'], ['Freiburg im Breisgau', '79', '0761'],
  ['Würzburg', '97', '0931']]

/** A small deterministic random generator (mulberry32), so the test and the bench see the same list. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface GeneratedCompanies {
  rows: CompanyDuplicateInput[]
  /** The planted duplicates as "idA|idB", the original first. */
  planted: Set<string>
}

/** `count` companies, one in a hundred a planted twin of another. */
export function generateCompanies(count: number, seed = 20_000): GeneratedCompanies {
  const pick = random(seed)
  const choose = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)]!
  const rows: CompanyDuplicateInput[] = []
  const planted = new Set<string>()
  const twins = Math.floor(count / 100)
  for (let i = 0; i < count - twins; i++) {
    const surname = SURNAMES[i % SURNAMES.length]!
    const partner = PARTNERS[Math.floor(i / SURNAMES.length) % PARTNERS.length]!
    const trade = TRADES[Math.floor(i / (SURNAMES.length * PARTNERS.length)) % TRADES.length]!
    const pattern = [`${surname} & ${partner} ${trade}`, `${trade} ${surname}-${partner}`, `${surname} ${trade} ${partner}`][i % 3]!
    const [city, region, area] = choose(PLACES)
    rows.push({
      id: `c${i}`, name: `${pattern} ${choose(LEGAL_FORMS)}`, customerNumber: `K-${10_000 + i}`,
      postalCode: `${region}${String(Math.floor(pick() * 1000)).padStart(3, '0')}`, city, phone: `${area} ${100_000 + i}`,
      emailDomains: pick() < 0.5 ? [`info@${surname.toLowerCase().replace(/[^a-z]/g, '')}-${i}.de`] : ['kontakt@gmx.de'],
    })
  }
  for (let k = 0; k < twins; k++) {
    const original = rows[Math.floor(((k + 0.5) / twins) * (count - twins))]!
    rows.push({ ...twinOf(original, k), id: `t${k}` })
    planted.add(`${original.id}|t${k}`)
  }
  return { rows, planted }
}

/** The same company typed again: three ways people do it. */
function twinOf(original: CompanyDuplicateInput, k: number): CompanyDuplicateInput {
  const spelledOut = original.name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
  const withoutLegalForm = original.name.replace(/ (GmbH.*|AG|KG|OHG|e\.K\.|UG.*|GbR|mbH|SE)$/, '')
  if (k % 3 === 0) return { ...original, name: `${spelledOut}, ${original.city}`, customerNumber: '', postalCode: '', city: '', phone: '' }
  if (k % 3 === 1) return { ...original, name: `${withoutLegalForm} GmbH`, customerNumber: '', phone: `+49 ${original.phone?.slice(1)}` }
  // A letter dropped from the first word: similar, same postcode.
  return { ...original, name: original.name.replace(/^(\S{3})\S/, '$1'), customerNumber: '', phone: '', emailDomains: [] }
}

/** ms to scan 20,000 generated companies (median of three runs after one warm-up). */
export function benchDuplicates(): { ms: number; pairs: number } {
  const { rows } = generateCompanies(20_000)
  findDuplicateCompanies(rows)
  const samples: number[] = []
  let pairs = 0
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now()
    pairs = findDuplicateCompanies(rows).length
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return { ms: samples[1]!, pairs }
}
