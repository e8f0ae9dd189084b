// A letter model (letter-model.ts) as DOCX, made with `docx`, to edit in a word processor: DIN 5008
// form B (din5008-letter.ts) with letterhead, address field, information block, personal salutation,
// the body's blocks, regional greeting, signature and a footer with the company's register and bank
// details and "Seite x von y". The PDF of the same model: pdf-render.ts.
import {
  AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IParagraphOptions,
} from 'docx'
import { ADDRESS_WIDTH, COLOURS, INFO_LABEL_WIDTH, INFO_WIDTH, ITEM_COLUMNS, LOGO_HEIGHT_PX, MARGINS, PAGE, SIZES, TEXT_WIDTH } from './din5008-letter'
import { RIGHT_ALIGNED_ITEM_COLUMNS, frameTexts, itemCells, itemHeadings, letterWarnings, usableLogo, type FrameTexts } from './letter-frame'
import type { LetterBlock, LetterItemTable, LetterLabelRow, LetterModel, LetterParagraph, LetterRun, RenderedLetter } from './letter-model'
import { logoSize, logoType } from './logo'

const MM = 56.7 // twips per millimetre
const FONT = 'Arial'
const twips = (mm: number) => Math.round(mm * MM)
/** Points to twentieths of a point (spacing) and to half-points (type sizes). */
const spacing = (pt: number) => Math.round(pt * 20)
const halfPoints = (pt: number) => Math.round(pt * 2)

const run = (r: LetterRun) =>
  new TextRun({ text: r.text, font: FONT, size: halfPoints(r.size ?? SIZES.body), bold: r.bold, color: r.color, italics: r.italic })
const text = (value: string, look: Omit<LetterRun, 'text'> = {}) => run({ text: value, ...look })
const para = (children: TextRun[], o: Partial<IParagraphOptions> = {}) => new Paragraph({ spacing: { after: 120 }, ...o, children })

/** Paragraph options for a letter's last paragraphs: kept whole and on the page of the closing that follows. */
const keepWithClosing = { keepNext: true, keepLines: true } as const satisfies Partial<IParagraphOptions>

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule }
const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }
/** Rules between rows, none between columns. */
const rowRules = { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: RULE, insideVertical: NONE }

function paragraphOf(block: LetterParagraph): Paragraph {
  const space = { ...(block.spaceBefore !== undefined ? { before: spacing(block.spaceBefore) } : {}), after: spacing(block.spaceAfter ?? 6) }
  return para(block.runs.map(run), { spacing: space, ...(block.keepWithClosing ? keepWithClosing : {}) })
}

function itemTable(block: LetterItemTable, lang: LetterModel['language']): Table {
  const cell = (children: TextRun[], i: number, o: { right?: boolean; shade?: boolean; extra?: Paragraph[] } = {}) =>
    new TableCell({
      width: { size: twips(ITEM_COLUMNS[i]!), type: WidthType.DXA },
      shading: o.shade ? { fill: COLOURS.shade } : undefined,
      margins: { top: 50, bottom: 50, left: 50, right: 50 },
      children: [new Paragraph({ alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children }), ...(o.extra ?? [])],
    })
  const header = new TableRow({
    tableHeader: true,
    children: itemHeadings(lang).map((h, i) => cell([text(h, { bold: true, size: SIZES.table })], i, { right: RIGHT_ALIGNED_ITEM_COLUMNS.has(i), shade: true })),
  })
  const rows = block.items.map((item) => {
    const c = itemCells(item, lang)
    const plain = (value: string, i: number) => cell([text(value, { size: SIZES.table })], i, { right: RIGHT_ALIGNED_ITEM_COLUMNS.has(i) })
    return new TableRow({
      cantSplit: true,
      children: [
        plain(c.position, 0),
        cell([text(c.name, { size: SIZES.table, bold: !item.optional }), ...(c.optionalMark ? [text(c.optionalMark, { size: SIZES.optional, italic: true, color: COLOURS.muted })] : [])], 1, {
          extra: c.description ? [new Paragraph({ children: [text(c.description, { size: SIZES.description, color: COLOURS.muted })] })] : [],
        }),
        plain(c.quantity, 2), plain(c.unit, 3), plain(c.unitPrice, 4), plain(c.discount, 5), plain(c.total, 6),
      ],
    })
  })
  return new Table({ width: { size: twips(TEXT_WIDTH), type: WidthType.DXA }, columnWidths: ITEM_COLUMNS.map(twips), borders: rowRules, rows: [header, ...rows] })
}

function labelTable(rows: LetterLabelRow[], labelWidth: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: rowRules,
    rows: rows.map((r) => new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ width: { size: labelWidth, type: WidthType.PERCENTAGE }, margins: { top: 50, bottom: 50, left: 50, right: 50 }, shading: { fill: COLOURS.shade },
          children: [new Paragraph({ children: [text(r.label, { size: SIZES.table })] })] }),
        new TableCell({ width: { size: 100 - labelWidth, type: WidthType.PERCENTAGE }, margins: { top: 50, bottom: 50, left: 80, right: 50 },
          children: r.value.split('\n').map((l) => new Paragraph({ alignment: AlignmentType.LEFT, children: [text(l, { size: SIZES.table, bold: r.strong })] })) }),
      ],
    })),
  })
}

function totalsTable(rows: LetterLabelRow[]): Table {
  const top = { style: BorderStyle.SINGLE, size: 8, color: COLOURS.strongRule }
  const cell = (value: string, width: number, right: number, strong: boolean | undefined) => new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE }, borders: strong ? { top } : undefined, margins: { top: 40, bottom: 40, right },
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(value, { bold: strong === true })] })],
  })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: rows.map((r) => new TableRow({ children: [cell(r.label, 75, 120, r.strong), cell(r.value, 25, 70, r.strong)] })),
  })
}

function blockOf(block: LetterBlock, lang: LetterModel['language']): Paragraph | Table {
  switch (block.kind) {
    case 'paragraph': return paragraphOf(block)
    case 'bullet': return new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [text(block.text)] })
    // A heading stays with what follows it (a page break never strands it at the bottom of a page).
    case 'heading': return para([text(block.text, { bold: true })], { spacing: { before: spacing(block.spaceBefore ?? 11), after: spacing(block.spaceAfter ?? 5) }, keepNext: true, keepLines: true })
    case 'items': return itemTable(block, lang)
    case 'labels': return labelTable(block.rows, block.labelWidth)
    case 'totals': return totalsTable(block.rows)
    case 'spacer': return new Paragraph({ spacing: { after: 120 }, children: [] })
  }
}

function footer(texts: FrameTexts): Footer {
  const col = (lines: string[]) => new TableCell({
    width: { size: 33, type: WidthType.PERCENTAGE }, borders: noBorders,
    children: lines.map((l) => new Paragraph({ children: [text(l, { size: SIZES.footer, color: COLOURS.muted })] })),
  })
  return new Footer({
    children: [
      new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: { ...noBorders, top: RULE }, rows: [new TableRow({ children: texts.footerColumns.map(col) })] }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: [`${texts.page} `, PageNumber.CURRENT, ` ${texts.pageOf} `, PageNumber.TOTAL_PAGES], font: FONT, size: halfPoints(SIZES.footer), color: COLOURS.muted })],
      }),
    ],
  })
}

/** The address field and the information block side by side. */
function head(texts: FrameTexts): Table {
  const addressField = [
    new Paragraph({ children: [text(texts.senderLine, { size: SIZES.sender, color: COLOURS.muted })], spacing: { after: 120 } }),
    ...texts.addressLines.map((l) => new Paragraph({ children: [text(l)] })),
  ]
  const valueWidth = INFO_WIDTH - INFO_LABEL_WIDTH
  const infoBlock = new Table({
    width: { size: twips(INFO_WIDTH), type: WidthType.DXA },
    columnWidths: [twips(INFO_LABEL_WIDTH), twips(valueWidth)],
    borders: noBorders,
    rows: texts.infoRows.map(([k, v]) => new TableRow({ children: [
      new TableCell({ width: { size: twips(INFO_LABEL_WIDTH), type: WidthType.DXA }, borders: noBorders, margins: { left: 0, right: 40 }, children: [new Paragraph({ children: [text(k, { size: SIZES.info, color: COLOURS.muted })] })] }),
      new TableCell({ width: { size: twips(valueWidth), type: WidthType.DXA }, borders: noBorders, margins: { left: 0, right: 0 }, children: [new Paragraph({ children: [text(v, { size: SIZES.info })] })] }),
    ] })),
  })
  return new Table({
    width: { size: twips(TEXT_WIDTH), type: WidthType.DXA },
    borders: noBorders,
    columnWidths: [twips(ADDRESS_WIDTH), twips(INFO_WIDTH)],
    rows: [new TableRow({ children: [
      new TableCell({ width: { size: twips(ADDRESS_WIDTH), type: WidthType.DXA }, borders: noBorders, children: addressField }),
      new TableCell({ width: { size: twips(INFO_WIDTH), type: WidthType.DXA }, borders: noBorders, children: [infoBlock] }),
    ] })],
  })
}

/** The logo as an image run, its proportions kept. */
function logoRun(data: Buffer): ImageRun {
  const type = logoType(data)!
  const { width, height } = logoSize(data, type)
  return new ImageRun({ type, data, transformation: { width: Math.max(1, Math.round((width / height) * LOGO_HEIGHT_PX)), height: LOGO_HEIGHT_PX } })
}

function letterhead(model: LetterModel): Header {
  const logo = usableLogo(model)
  const name = model.seller.name
  const brand = (size: number) => text(name, { bold: true, size, color: COLOURS.brand })
  return new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.RIGHT, children: logo ? [logoRun(logo)] : [brand(SIZES.company)] }),
      ...(logo && name ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [brand(SIZES.companyUnderLogo)] })] : []),
    ],
  })
}

/** A DIN 5008 letter (form B) as DOCX: letterhead, address field, information block, subject, body, greeting, footer. */
export async function renderDocx(model: LetterModel): Promise<RenderedLetter> {
  const texts = frameTexts(model)
  const body: Array<Paragraph | Table> = [
    head(texts),
    para([text(model.subject, { bold: true, size: SIZES.subject })], { spacing: { before: 480, after: 240 } }),
    para([text(texts.salutation)]),
    ...model.body.map((block) => blockOf(block, model.language)),
  ]
  // The closing line, greeting and signature stay on one page, together with the letter's last
  // paragraphs (the letters mark them with `keepWithClosing`): a page never holds only the signature.
  body.push(para([text(model.closingLine)], { ...keepWithClosing, spacing: { before: 200, after: 240 } }))
  body.push(para([text(texts.greeting)], { keepNext: true }))
  body.push(para([text(model.seller.name)], { keepNext: true, spacing: { after: 600 } }))
  body.push(para([text(model.rep.name)], { keepNext: true, spacing: { after: 0 } }))
  if (model.rep.jobTitle) body.push(para([text(model.rep.jobTitle, { size: SIZES.jobTitle, color: COLOURS.muted })]))

  const document = new Document({
    creator: model.seller.name || 'Kundenreise',
    title: model.subject,
    styles: { default: { document: { run: { font: FONT, size: halfPoints(SIZES.body) } } } },
    numbering: { config: [] },
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width * MM, height: PAGE.height * MM },
          margin: { top: MARGINS.top * MM, bottom: MARGINS.bottom * MM, left: MARGINS.left * MM, right: MARGINS.right * MM, header: MARGINS.header * MM, footer: MARGINS.footer * MM },
        },
      },
      headers: { default: letterhead(model) },
      footers: { default: footer(texts) },
      children: body,
    }],
  })
  return { buffer: await Packer.toBuffer(document), warnings: letterWarnings(model) }
}
