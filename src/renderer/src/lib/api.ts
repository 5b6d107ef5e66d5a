import type { BenchApi } from '@shared/api'

/** The preload's `window.api`, or null when the page runs without it (a plain browser tab). */
export function benchApi(): BenchApi | null {
  return (window as Partial<Window>).api ?? null
}
