import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { atomicWriteFile } from '../fs/atomicWriteFile'

/** The window's size and place, remembered between launches. */
export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean()
})

export type WindowState = z.infer<typeof windowStateSchema>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 860, maximized: false }

/** How much of the window must be on a screen for its saved place to be used. */
const MIN_VISIBLE = 100

/**
 * The saved state, fitted to the screens there are now: a window saved on a
 * monitor since unplugged is centred (x, y dropped) rather than opened off-screen,
 * and never larger than the largest work area.
 */
export function fitToScreens(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state
  const width = Math.min(state.width, Math.max(...workAreas.map((a) => a.width)))
  const height = Math.min(state.height, Math.max(...workAreas.map((a) => a.height)))
  const fitted: WindowState = { width, height, maximized: state.maximized }
  if (state.x === undefined || state.y === undefined) return fitted
  const { x, y } = state
  const visible = workAreas.some((a) => {
    const w = Math.min(x + width, a.x + a.width) - Math.max(x, a.x)
    const h = Math.min(y + height, a.y + a.height) - Math.max(y, a.y)
    return w >= MIN_VISIBLE && h >= MIN_VISIBLE
  })
  return visible ? { ...fitted, x, y } : fitted
}

/** The saved state, or the default when the file is missing, unreadable or not valid. */
export async function loadWindowState(path: string): Promise<WindowState> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  const parsed = windowStateSchema.safeParse(state)
  if (parsed.success) await atomicWriteFile(path, JSON.stringify(parsed.data))
}
