// A letter model (letter-model.ts) as PDF, made with pdfmake on the server side (Node), to send: the
// same DIN 5008 form B as the DOCX (din5008-letter.ts, docx-render.ts) with letterhead, address field,
// information block, subject, salutation, body, closing, regional greeting, signature, and a footer with
// the company's register and bank details in three columns and "Seite x von y".
// - Fonts: Roboto, shipped inside the pdfmake package and embedded (as subsets) in every PDF; no
//   system font is ever looked up, and pdfmake may read no other local file and fetch no URL.
// - Deterministic: the creation date is the letter's date, never the clock, and pdfkit derives the
//   file id from the document's information, so one model always gives the same bytes (a resent
//   mail attaches exactly the PDF it attached before).
import { createRequire } from 'node:module'
import type { Column, Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { ADDRESS_WIDTH, COLOURS, INFO_LABEL_WIDTH, INFO_WIDTH, LOGO_HEIGHT_PX, MARGINS, SIZES, mmToPt } from './din5008-letter'
import { frameTexts, letterWarnings, pageLabel, usableLogo, type FrameTexts } from './letter-frame'
import type { LetterModel, RenderedLetter } from './letter-model'
import { logoSize, logoType, pngIsComplete } from './logo'
import { HEADING_LEVEL, blockOf, colour, paragraphOf } from './pdf-blocks'

const FONT = 'Roboto'
const resolve = createRequire(import.meta.url).resolve
const fontFile = (name: string) => resolve(`pdfmake/fonts/Roboto/Roboto-${name}.ttf`)
const FONT_FILES = { normal: fontFile('Regular'), bold: fontFile('Medium'), italics: fontFile('Italic'), bolditalics: fontFile('MediumItalic') }
const ALLOWED_FILES = new Set(Object.values(FONT_FILES))

/** pdfmake with the fonts and access policy set, loaded with the first PDF (not at start: it takes a while to load). */
let pdfmakeLoaded: Promise<typeof import('pdfmake')> | undefined
function loadPdfmake(): Promise<typeof import('pdfmake')> {
  pdfmakeLoaded ??= import('pdfmake').then(({ default: pdfmake }) => {
    pdfmake.setFonts({ [FONT]: { ...FONT_FILES } })
    // The fonts are the only files pdfmake may read; it fetches nothing (a letter holds no URL).
    pdfmake.setLocalAccessPolicy((file) => ALLOWED_FILES.has(file))
    pdfmake.setUrlAccessPolicy(() => false)
    return pdfmake
  })
  return pdfmakeLoaded
}

const pt = mmToPt
/** The logo's height in points (the DOCX's 48 px would reach into the address field's line). */
const LOGO_HEIGHT = (LOGO_HEIGHT_PX * 0.75) * 0.85
/** Roboto sets wider than the DOCX's Arial: at 10 pt it reads like Arial at 10.5 pt, and a one-page letter stays one page. */
const BODY_SIZE = 10

/** The logo a PDF can embed: a PNG/JPEG (usableLogo) whose PNG chunks are whole; null otherwise. */
function pdfLogo(model: LetterModel): Buffer | null {
  const logo = usableLogo(model)
  return logo && (logoType(logo) !== 'png' || pngIsComplete(logo)) ? logo : null
}

function letterhead(model: LetterModel, logo: Buffer | null): Content {
  const name = model.seller.name
  const brand = (fontSize: number): Content => ({ text: name, bold: true, fontSize, color: colour(COLOURS.brand), alignment: 'right' })
  const margin: [number, number, number, number] = [pt(MARGINS.left), pt(MARGINS.header), pt(MARGINS.right), 0]
  if (!logo) return { stack: [brand(SIZES.company)], margin }
  const type = logoType(logo)!
  const size = logoSize(logo, type)
  const width = Math.min(pt(70), (size.width / size.height) * LOGO_HEIGHT)
  const image: Content = { image: 'logo', fit: [width, LOGO_HEIGHT], alignment: 'right' }
  return { stack: [image, ...(name ? [brand(SIZES.companyUnderLogo)] : [])], margin }
}

function footer(texts: FrameTexts, current: number, total: number): Content {
  const small = { fontSize: SIZES.footer, color: colour(COLOURS.muted), lineHeight: 0.9 }
  return {
    margin: [pt(MARGINS.left), 6, pt(MARGINS.right), 0],
    stack: [
      {
        table: { widths: ['*', '*', '*'], body: [texts.footerColumns.map((lines) => ({ text: lines.join('\n'), ...small }))] },
        layout: { hLineWidth: (i) => (i === 0 ? 0.5 : 0), vLineWidth: () => 0, hLineColor: () => colour(COLOURS.rule), paddingLeft: () => 0, paddingRight: () => 4, paddingTop: () => 3, paddingBottom: () => 1 },
      },
      { text: pageLabel(texts, current, total), ...small, alignment: 'right' },
    ],
  }
}

/** The address field (with the sender's line above it) and the information block beside it. */
function head(texts: FrameTexts): Content {
  const info: Column = {
    width: pt(INFO_WIDTH),
    table: {
      widths: [pt(INFO_LABEL_WIDTH) - 2, pt(INFO_WIDTH - INFO_LABEL_WIDTH)],
      body: texts.infoRows.map(([k, v]) => [{ text: k, fontSize: SIZES.info, color: colour(COLOURS.muted) }, { text: v, fontSize: SIZES.info }]),
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: (i) => (i === 0 ? 2 : 0), paddingTop: () => 0.6, paddingBottom: () => 0.6 },
  }
  const address: Column = {
    width: pt(ADDRESS_WIDTH),
    stack: [{ text: texts.senderLine, fontSize: SIZES.sender, color: colour(COLOURS.muted), margin: [0, 0, 0, 6] }, ...texts.addressLines.map((l): Content => ({ text: l }))],
  }
  return { columns: [address, info], columnGap: 0 }
}

/**
 * The closing line, greeting and signature, together with the letter's last paragraphs (marked
 * `keepWithClosing`): one block pdfmake keeps on one page, so a page never holds only the signature.
 */
function closing(model: LetterModel, texts: FrameTexts, lastParagraphs: Content[]): Content {
  return {
    unbreakable: true,
    stack: [
      ...lastParagraphs,
      paragraphOf({ runs: [{ text: model.closingLine }], spaceBefore: 8, spaceAfter: 10 }),
      paragraphOf({ runs: [{ text: texts.greeting }] }),
      paragraphOf({ runs: [{ text: model.seller.name }], spaceAfter: 30 }),
      paragraphOf({ runs: [{ text: model.rep.name }], spaceAfter: 0 }),
      ...(model.rep.jobTitle ? [paragraphOf({ runs: [{ text: model.rep.jobTitle, size: SIZES.jobTitle, color: COLOURS.muted }] })] : []),
    ],
  }
}

/** The pdfmake document of a letter; `pages.count` holds the page count once pdfmake has laid it out. */
export function pdfDefinition(model: LetterModel, pages = { count: 0 }): TDocumentDefinitions {
  const texts = frameTexts(model)
  const keepCount = model.body.length - model.body.findLastIndex((b) => !(b.kind === 'paragraph' && b.keepWithClosing)) - 1
  const blocks = model.body.map((b) => blockOf(b, model.language))
  const logo = pdfLogo(model)
  const created = new Date(`${model.date.slice(0, 10)}T12:00:00Z`)
  return {
    pageSize: 'A4',
    pageMargins: [pt(MARGINS.left), pt(MARGINS.top), pt(MARGINS.right), pt(MARGINS.bottom)],
    info: { title: model.subject, author: model.seller.name || 'Kundenreise', creator: 'Kundenreise', producer: 'Kundenreise', creationDate: created, modDate: created },
    language: model.language,
    defaultStyle: { font: FONT, fontSize: BODY_SIZE },
    images: logo ? { logo: `data:image/${logoType(logo) === 'png' ? 'png' : 'jpeg'};base64,${logo.toString('base64')}` } : {},
    header: () => letterhead(model, logo),
    footer: (current, total) => {
      pages.count = total
      return footer(texts, current, total)
    },
    content: [
      head(texts),
      paragraphOf({ runs: [{ text: model.subject, bold: true, size: SIZES.subject }], spaceBefore: 18, spaceAfter: 10 }),
      paragraphOf({ runs: [{ text: texts.salutation }] }),
      ...blocks.slice(0, blocks.length - keepCount),
      closing(model, texts, blocks.slice(blocks.length - keepCount)),
    ],
    // A heading is never the last thing on a page: it moves to the next one, with what it heads.
    pageBreakBefore: (node, nodes) => node.headlineLevel === HEADING_LEVEL && nodes.getFollowingNodesOnPage().length === 0,
  }
}

/**
 * Any document definition as PDF bytes, with the fonts and access policy set above (the letters here, the visit
 * briefing in the planning module): pdfmake is one instance, so every PDF of the app is made the same way.
 */
export async function createPdfBuffer(definition: TDocumentDefinitions): Promise<Buffer> {
  return (await loadPdfmake()).createPdf(definition).getBuffer()
}

/** The PDF's bytes and page count. */
async function draw(model: LetterModel): Promise<{ buffer: Buffer; pageCount: number }> {
  const pages = { count: 0 }
  const buffer = await createPdfBuffer(pdfDefinition(model, pages))
  return { buffer, pageCount: pages.count }
}

/**
 * A DIN 5008 letter (form B) as PDF, with its page count. A logo the PDF cannot draw (a truncated PNG, a
 * picture the decoder refuses) is left out, with the warning a missing logo gives.
 */
export async function renderPdf(model: LetterModel): Promise<RenderedLetter & { pageCount: number }> {
  const warnings = letterWarnings(model)
  if (pdfLogo(model)) {
    try {
      return { ...(await draw(model)), warnings }
    } catch {
      // The decoder refused the picture: the letter goes out without it, below.
    }
  }
  if (model.logo && !warnings.includes('logo_missing')) warnings.unshift('logo_missing')
  return { ...(await draw({ ...model, logo: null })), warnings }
}
