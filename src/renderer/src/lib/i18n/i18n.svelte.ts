import { loadKoreanFace } from '../fonts'
import { en } from './en'
import type { Messages } from './en'
import { LOCALES, isLanguage, pickLanguage } from './languages'
import type { Language } from './languages'

/**
 * English is in the start bundle; every other catalog is fetched when first
 * chosen (a window in English never evaluates the Korean messages before its
 * first paint). Until then English is the fallback.
 */
const CATALOGS: Partial<Record<Language, Messages>> = { en }
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  // Korean needs its glyphs as much as its words: both arrive before it is shown.
  ko: () => Promise.all([import('./ko'), loadKoreanFace()]).then(([module]) => module.ko)
}

// Not reactive on purpose: components react to `I18n.language`, not to the loads.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const loading = new Map<Language, Promise<Messages>>()

/** The catalog of a language, fetched once. */
function loadCatalog(language: Language): Promise<Messages> {
  const ready = CATALOGS[language]
  if (ready) return Promise.resolve(ready)
  let pending = loading.get(language)
  if (!pending) {
    pending = LOADERS[language as Exclude<Language, 'en'>]().then((messages) => {
      CATALOGS[language] = messages
      return messages
    })
    loading.set(language, pending)
  }
  return pending
}

/** Where the user's explicit choice is remembered; absent, the OS language decides. */
export const LANGUAGE_KEY = 'speedup-lab.language'

function stored(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_KEY)
    return isLanguage(value) ? value : null
  } catch {
    return null // storage disabled: fall back to the OS language
  }
}

function osLanguage(): Language {
  const nav = globalThis.navigator
  return pickLanguage(nav ? [...(nav.languages ?? []), nav.language].filter(Boolean) : [])
}

/**
 * The language in use, reactive: components read `i18n.m` (the message
 * catalog) and `i18n.locale` (for Intl) and re-render when it changes.
 * `language` changes only once its catalog is loaded, so the messages, the
 * locale and `<html lang>` always agree.
 */
export class I18n {
  language = $state<Language>('en')

  /**
   * Settles when the language chosen at start (saved, else the OS's) is
   * shown: while it is `loading`, the entry script waits for it before
   * mounting, so a Korean window never flashes English.
   */
  readonly ready: Promise<void>

  /** True while the language chosen at start is still loading (the window waits for it). */
  loading: boolean

  constructor() {
    const wanted = stored() ?? osLanguage()
    this.#applyToDocument()
    this.loading = !CATALOGS[wanted]
    this.ready = this.#show(wanted).finally(() => {
      this.loading = false
    })
  }

  /** Every visible string, in the current language. */
  get m(): Messages {
    return CATALOGS[this.language] ?? en
  }

  /** The Intl locale numbers, dates and durations are formatted in. */
  get locale(): string {
    return LOCALES[this.language]
  }

  /**
   * Switches the language and remembers the choice; immediate when its
   * catalog is loaded (see `prefetch`), else once it is.
   */
  set(language: Language): Promise<void> {
    try {
      globalThis.localStorage?.setItem(LANGUAGE_KEY, language)
    } catch {
      // not remembered; the switch still applies
    }
    return this.#show(language)
  }

  /** Fetches the other catalogs while the window is idle, so a later switch is immediate. */
  prefetch(): void {
    for (const language of Object.keys(LOADERS) as Language[]) {
      // A catalog that cannot load leaves the window in English when chosen (see #show).
      loadCatalog(language).catch(() => undefined)
    }
  }

  #wanted: Language = 'en'

  #show(language: Language): Promise<void> {
    this.#wanted = language
    if (CATALOGS[language]) {
      this.#switch(language)
      return Promise.resolve()
    }
    return loadCatalog(language).then(
      () => {
        // A later choice made while this one loaded wins.
        if (this.#wanted === language) this.#switch(language)
      },
      () => {
        // The catalog could not load (a broken install): stay in English rather than blank.
      }
    )
  }

  #switch(language: Language): void {
    this.language = language
    this.#applyToDocument()
  }

  /** Screen readers pick their voice (and browsers their fonts) from `<html lang>`. */
  #applyToDocument(): void {
    if (globalThis.document) document.documentElement.lang = this.language
  }
}

export const i18n = new I18n()
