// Files for the attachment tests: a real PNG photo (1×1, padded to any size), a PDF, a renamed program.
import path from 'node:path'
import type { FilePlaces } from '../../electron/main/modules/files/files.service'

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** A PNG of `size` bytes (the picture, then filler bytes after its end, which viewers ignore). */
export function photo(size = PIXEL.length, seed = 1): Buffer {
  const filler = Buffer.alloc(Math.max(0, size - PIXEL.length))
  for (let i = 0; i < filler.length; i++) filler[i] = (i * 31 + seed * 7) & 0xff
  return Buffer.concat([PIXEL, filler])
}

export const pdf = (): Buffer => Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

/** A Windows program (MZ header with a PE signature), to be renamed `.pdf`. */
export function program(): Buffer {
  const bytes = Buffer.alloc(512)
  bytes.write('MZ', 0, 'latin1')
  bytes.writeUInt32LE(0x80, 0x3c)
  bytes.write('PE\0\0', 0x80, 'latin1')
  return bytes
}

export const placesIn = (dir: string, maxBytes = 25 * 1024 * 1024): FilePlaces => ({ blobDir: path.join(dir, 'Anhaenge'), documentsDir: path.join(dir, 'Dokumente'), maxBytes })
