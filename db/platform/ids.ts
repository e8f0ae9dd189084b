// UUIDv7 ids (RFC 9562): time-ordered, so new rows land at the end of indexes, and made offline.
import { createHash } from 'node:crypto'

let lastMs = 0
let sequence = 0

export function newId(now: number = Date.now()): string {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  // Within one millisecond, a 12-bit counter in rand_a keeps ids from this process monotonic.
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff
    if (sequence === 0) lastMs += 1
    now = lastMs
  } else {
    lastMs = now
    sequence = bytes[6]! & 0x07
  }
  const ms = BigInt(now)
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn)
  bytes[6] = 0x70 | ((sequence >> 8) & 0x0f)
  bytes[7] = sequence & 0xff
  bytes[8] = 0x80 | (bytes[8]! & 0x3f)
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * A UUID-shaped sha-256 of `seed`, with the version nibble 7 of the ids the app makes, so every channel that takes a
 * record id takes it; nothing reads a time out of it. Two devices deriving from the same seed make the same id (a
 * repeating task's next occurrence, an early-warning firing and its task), and the server takes the second insert
 * as the same record.
 */
export function derivedId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
