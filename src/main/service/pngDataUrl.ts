const PREFIX = 'data:image/png;base64,'
/** Every PNG starts with these eight bytes. */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The bytes of a PNG data URL (as canvas.toDataURL gives), checked to be a PNG. */
export function decodePngDataUrl(
  dataUrl: string
): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  if (!dataUrl.startsWith(PREFIX)) return { ok: false, message: 'Not a PNG data URL.' }
  const bytes = Buffer.from(dataUrl.slice(PREFIX.length), 'base64')
  if (bytes.length < SIGNATURE.length || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    return { ok: false, message: 'The image is not a PNG.' }
  }
  return { ok: true, bytes }
}
