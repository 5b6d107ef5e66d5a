import type { FileHandle } from 'node:fs/promises'

/** One line of a file: 1-based number, byte offset and bytes without the '\n'. */
export interface FileLine {
  number: number
  offset: number
  /** Bytes in the line, without its '\n'. */
  length: number
  /**
   * The line's bytes; valid only during the callback (the read buffer is
   * reused): copy what you keep. Empty for a line longer than the limit.
   */
  bytes: Buffer
  /** True when the line is longer than `maxLineBytes`: its bytes were counted, not kept. */
  oversized: boolean
  /** False for a last line with no '\n' after it (possibly cut off mid-write). */
  terminated: boolean
}

const NEWLINE = 0x0a
const EMPTY = Buffer.alloc(0)

/**
 * Calls `onLine` for every line of the file, reading it in chunks so a
 * history far larger than one string (V8 caps strings near 512 MB) still loads.
 *
 * Linear in the file's size whatever its lines: a line spanning chunks is
 * gathered as a list of pieces joined once, and a line past `maxLineBytes`
 * is only counted, so memory stays near `chunkSize + maxLineBytes`.
 */
export async function forEachLine(
  handle: FileHandle,
  onLine: (line: FileLine) => void,
  {
    chunkSize = 1 << 20,
    maxLineBytes = Infinity
  }: { chunkSize?: number; maxLineBytes?: number } = {}
): Promise<void> {
  const chunk = Buffer.allocUnsafe(chunkSize)
  let position = 0
  let number = 0
  // A line that runs past the end of a chunk: its pieces, copied out of the reused buffer.
  let pieces: Buffer[] = []
  let carried = 0
  let carryOffset = 0
  let oversized = false

  const carry = (piece: Buffer): void => {
    carried += piece.length
    if (carried > maxLineBytes) {
      oversized = true
      pieces = []
    } else if (!oversized) pieces.push(Buffer.from(piece))
  }
  const emitCarried = (terminated: boolean): void => {
    onLine({
      number: ++number,
      offset: carryOffset,
      length: carried,
      bytes: oversized ? EMPTY : pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, carried),
      oversized,
      terminated
    })
    pieces = []
    carried = 0
    oversized = false
  }

  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, chunkSize, position)
    if (bytesRead === 0) break
    const data = chunk.subarray(0, bytesRead)
    let start = 0
    for (let nl = data.indexOf(NEWLINE); nl !== -1; nl = data.indexOf(NEWLINE, start)) {
      const piece = data.subarray(start, nl)
      if (carried > 0 || oversized) {
        carry(piece)
        emitCarried(true)
      } else {
        const long = piece.length > maxLineBytes
        onLine({
          number: ++number,
          offset: position + start,
          length: piece.length,
          bytes: long ? EMPTY : piece,
          oversized: long,
          terminated: true
        })
      }
      start = nl + 1
    }
    if (start < bytesRead) {
      if (carried === 0 && !oversized) carryOffset = position + start
      carry(data.subarray(start))
    }
    position += bytesRead
  }
  if (carried > 0 || oversized) emitCarried(false)
}
