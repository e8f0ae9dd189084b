// Files for the attachment tests: a real PNG photo (1×1, padded to any size), a PDF, a renamed program.
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import type { FilePlaces } from '../../electron/main/modules/files/files.service'

export const PHOTO_WIDTH = 320
const HEIGHT = 200

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

/** A real 320×200 RGB picture (a colour gradient that `seed` shifts). */
function picture(seed: number): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + PHOTO_WIDTH * 3)
    for (let x = 0; x < PHOTO_WIDTH; x++) row.set([(x + seed * 40) & 0xff, (y * 1.2) & 0xff, 160], 1 + x * 3)
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(PHOTO_WIDTH, 0)
  header.writeUInt32BE(HEIGHT, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

/** A PNG photo of at least `size` bytes (the picture, then filler bytes after its end, which viewers ignore). */
export function photo(size = 0, seed = 1): Buffer {
  const image = picture(seed)
  const filler = Buffer.alloc(Math.max(0, size - image.length))
  for (let i = 0; i < filler.length; i++) filler[i] = (i * 31 + seed * 7) & 0xff
  return Buffer.concat([image, filler])
}

/** A one-page PDF with a line of text, its cross-reference table at the right offsets. */
export function pdf(text = 'Lieferschein 4711'): Buffer {
  const content = `BT /F1 28 Tf 72 740 Td (${text}) Tj ET`
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${content.length}>>\nstream\n${content}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** A Windows program (MZ header with a PE signature), to be renamed `.pdf`. */
export function program(): Buffer {
  const bytes = Buffer.alloc(512)
  bytes.write('MZ', 0, 'latin1')
  bytes.writeUInt32LE(0x80, 0x3c)
  bytes.write('PE\0\0', 0x80, 'latin1')
  return bytes
}

export const placesIn = (dir: string, maxBytes = 25 * 1024 * 1024): FilePlaces => ({ blobDir: path.join(dir, 'Anhaenge'), documentsDir: path.join(dir, 'Dokumente'), maxBytes })
