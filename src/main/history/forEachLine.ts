import type { FileHandle } from 'node:fs/promises'

/** One line of a file: 1-based number, byte offset and bytes without the '\n'. */
export interface FileLine {
  number: number
  offset: number
  /** Valid only during the callback (the read buffer is reused): copy what you keep. */
  bytes: Buffer
  /** False for a last line with no '\n' after it (possibly cut off mid-write). */
  terminated: boolean
}

const NEWLINE = 0x0a

/**
 * Calls `onLine` for every line of the file, reading it in chunks so a
 * history far larger than one string (V8 caps strings near 512 MB) still loads.
 */
export async function forEachLine(
  handle: FileHandle,
  onLine: (line: FileLine) => void,
  chunkSize = 1 << 20
): Promise<void> {
  const chunk = Buffer.allocUnsafe(chunkSize)
  let position = 0
  let number = 0
  // A line that runs past the end of a chunk, copied out of the reused buffer.
  let carry: Buffer | null = null
  let carryOffset = 0
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, chunkSize, position)
    if (bytesRead === 0) break
    const data = chunk.subarray(0, bytesRead)
    let start = 0
    for (let nl = data.indexOf(NEWLINE); nl !== -1; nl = data.indexOf(NEWLINE, start)) {
      const piece = data.subarray(start, nl)
      if (carry) {
        onLine({
          number: ++number,
          offset: carryOffset,
          bytes: Buffer.concat([carry, piece]),
          terminated: true
        })
        carry = null
      } else {
        onLine({ number: ++number, offset: position + start, bytes: piece, terminated: true })
      }
      start = nl + 1
    }
    if (start < bytesRead) {
      const rest = Buffer.from(data.subarray(start))
      if (carry) carry = Buffer.concat([carry, rest])
      else {
        carry = rest
        carryOffset = position + start
      }
    }
    position += bytesRead
  }
  if (carry) onLine({ number: ++number, offset: carryOffset, bytes: carry, terminated: false })
}
