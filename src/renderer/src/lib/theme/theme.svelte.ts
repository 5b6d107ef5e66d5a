import { FALLBACK_PALETTE, paletteFromStyle } from '../../components/Charts/colors'
import type { ChartPalette } from '../../components/Charts/colors'

export const THEME_CHOICES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEME_CHOICES)[number]
export type Theme = 'light' | 'dark'

/** Where the user's explicit choice is remembered; absent (or "system"), the OS decides. */
export const THEME_KEY = 'speedup-lab.theme'

const isChoice = (value: unknown): value is ThemeChoice =>
  typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value)

function storedChoice(): ThemeChoice {
  try {
    const value = globalThis.localStorage?.getItem(THEME_KEY)
    return isChoice(value) ? value : 'system'
  } catch {
    return 'system'
  }
}

/**
 * Light or dark: the user's choice, or the OS's (prefers-color-scheme) while
 * the choice is "system". The theme is one attribute on <html>; colours are
 * CSS variables. Charts read their colours from `palette`, a live object that
 * is re-read from the variables whenever the theme changes, so every chart
 * that reads it while building its configuration redraws in the new colours.
 */
export class ThemeStore {
  choice = $state<ThemeChoice>('system')
  #osDark = $state(false)
  /** The chart colours of the theme in force (mutated in place, never replaced). */
  readonly palette: ChartPalette = $state({
    ...FALLBACK_PALETTE,
    series: [...FALLBACK_PALETTE.series]
  })

  readonly resolved: Theme = $derived(
    this.choice === 'system' ? (this.#osDark ? 'dark' : 'light') : this.choice
  )

  constructor() {
    this.choice = storedChoice()
    const query = globalThis.matchMedia?.('(prefers-color-scheme: dark)')
    if (query) {
      this.#osDark = query.matches
      query.addEventListener('change', (e) => {
        this.#osDark = e.matches
        this.#apply()
      })
    }
    this.#apply()
  }

  /** Switches the theme and remembers the choice. */
  set(choice: ThemeChoice): void {
    this.choice = choice
    try {
      globalThis.localStorage?.setItem(THEME_KEY, choice)
    } catch {
      // not remembered; the switch still applies
    }
    this.#apply()
  }

  /** Sets <html data-theme>, then reads the chart colours the stylesheet now gives. */
  #apply(): void {
    if (!globalThis.document) return
    const root = document.documentElement
    root.dataset.theme = this.resolved
    root.style.colorScheme = this.resolved
    Object.assign(this.palette, paletteFromStyle(getComputedStyle(root)))
  }
}

export const theme = new ThemeStore()
