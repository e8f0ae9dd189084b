// The body blocks of a letter model as pdfmake content (pdf-render.ts lays out the page around them):
// paragraphs, bullets, headings that stay with what follows, the item table that breaks across pages
// with its heading row repeated and no row split, label/value tables and the offer's totals. Measures
// are din5008-letter.ts's, so the PDF looks like the DOCX of the same model (docx-render.ts).
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces'
import { COLOURS, ITEM_COLUMNS, SIZES, TEXT_WIDTH, mmToPt } from './din5008-letter'
import { RIGHT_ALIGNED_ITEM_COLUMNS, itemCells, itemHeadings } from './letter-frame'
import type { LetterBlock, LetterItemTable, LetterLabelRow, LetterLanguage, LetterParagraph, LetterRun } from './letter-model'

/** pdfmake's colours carry a '#'. */
export const colour = (rgb: string) => `#${rgb}`

/** Cell padding of the item and label tables (the DOCX's 50 twips), in points. */
const PAD = 2

/** Pdfmake marks headings with this level; pdf-render.ts breaks the page before one left alone at a page's foot. */
export const HEADING_LEVEL = 1

export function runOf(r: LetterRun): Content {
  return { text: r.text, bold: r.bold, italics: r.italic, fontSize: r.size, color: r.color ? colour(r.color) : undefined }
}

export function paragraphOf(block: Pick<LetterParagraph, 'runs' | 'spaceBefore' | 'spaceAfter'>): Content {
  return { text: block.runs.map(runOf), margin: [0, block.spaceBefore ?? 0, 0, block.spaceAfter ?? 6] }
}

/** Horizontal rules between rows (and above and below the table), none between columns. */
const rowRules = (padLeft: (column: number) => number): CustomTableLayout => ({
  hLineWidth: () => 0.5,
  vLineWidth: () => 0,
  hLineColor: () => colour(COLOURS.rule),
  paddingLeft: (i) => padLeft(i),
  paddingRight: () => PAD,
  paddingTop: () => PAD,
  paddingBottom: () => PAD,
})

function itemTable(block: LetterItemTable, lang: LetterLanguage): Content {
  const align = (i: number) => (RIGHT_ALIGNED_ITEM_COLUMNS.has(i) ? 'right' : 'left')
  const header: TableCell[] = itemHeadings(lang).map((h, i) => ({ text: h, bold: true, fontSize: SIZES.table, alignment: align(i), fillColor: colour(COLOURS.shade) }))
  const rows: TableCell[][] = block.items.map((item) => {
    const c = itemCells(item, lang)
    const plain = (value: string, i: number): TableCell => ({ text: value, fontSize: SIZES.table, alignment: align(i) })
    const name: TableCell = {
      stack: [
        { text: [{ text: c.name, bold: !item.optional }, ...(c.optionalMark ? [{ text: c.optionalMark, italics: true, fontSize: SIZES.optional, color: colour(COLOURS.muted) }] : [])], fontSize: SIZES.table },
        ...(c.description ? [{ text: c.description, fontSize: SIZES.description, color: colour(COLOURS.muted) }] : []),
      ],
    }
    return [plain(c.position, 0), name, plain(c.quantity, 2), plain(c.unit, 3), plain(c.unitPrice, 4), plain(c.discount, 5), plain(c.total, 6)]
  })
  return {
    // The heading row repeats on every page the table runs onto; a row is never split between two pages.
    table: { headerRows: 1, dontBreakRows: true, widths: ITEM_COLUMNS.map((w) => mmToPt(w) - 2 * PAD), body: [header, ...rows] },
    layout: rowRules(() => PAD),
  }
}

/** The value column of a label table starts a little further in (the DOCX's 80 twips). */
const VALUE_INSET = 4

function labelTable(rows: LetterLabelRow[], labelWidth: number): Content {
  const label = (mmToPt(TEXT_WIDTH) * labelWidth) / 100
  return {
    table: {
      dontBreakRows: true,
      widths: [label - 2 * PAD, mmToPt(TEXT_WIDTH) - label - VALUE_INSET - PAD],
      body: rows.map((r): TableCell[] => [
        { text: r.label, fontSize: SIZES.table, fillColor: colour(COLOURS.shade) },
        { text: r.value, fontSize: SIZES.table, bold: r.strong },
      ]),
    },
    layout: rowRules((i) => (i === 0 ? PAD : VALUE_INSET)),
  }
}

function totalsTable(rows: LetterLabelRow[]): Content {
  const width = mmToPt(TEXT_WIDTH)
  const strongAbove = (i: number) => rows[i]?.strong === true
  return {
    table: {
      widths: [width * 0.75 - 6, width * 0.25 - 3.5],
      body: rows.map((r): TableCell[] => [
        { text: r.label, bold: r.strong, alignment: 'right' },
        { text: r.value, bold: r.strong, alignment: 'right' },
      ]),
    },
    layout: {
      // The gross sum has a rule above it; no other lines.
      hLineWidth: (i) => (strongAbove(i) ? 1 : 0),
      vLineWidth: () => 0,
      hLineColor: () => colour(COLOURS.strongRule),
      paddingLeft: () => 0,
      paddingRight: (i) => (i === 0 ? 6 : 3.5),
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
  }
}

export function blockOf(block: LetterBlock, lang: LetterLanguage): Content {
  switch (block.kind) {
    case 'paragraph': return paragraphOf(block)
    case 'bullet': return { ul: [{ text: block.text }], margin: [0, 0, 0, 3] }
    case 'heading': return { text: block.text, bold: true, headlineLevel: HEADING_LEVEL, margin: [0, block.spaceBefore ?? 11, 0, block.spaceAfter ?? 5] }
    case 'items': return itemTable(block, lang)
    case 'labels': return labelTable(block.rows, block.labelWidth)
    case 'totals': return totalsTable(block.rows)
    case 'spacer': return { text: '', margin: [0, 0, 0, 8] }
  }
}
