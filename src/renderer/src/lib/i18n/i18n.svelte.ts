import { en } from './en'
import type { Messages } from './en'
import { ko } from './ko'
import { LOCALES, isLanguage, pickLanguage } from './languages'
import type { Language } from './languages'

const CATALOGS: Record<Language, Messages> = { en, ko }

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
 */
export class I18n {
  language = $state<Language>('en')

  constructor() {
    this.language = stored() ?? osLanguage()
    this.#applyToDocument()
  }

  /** Every visible string, in the current language. */
  get m(): Messages {
    return CATALOGS[this.language]
  }

  /** The Intl locale numbers, dates and durations are formatted in. */
  get locale(): string {
    return LOCALES[this.language]
  }

  /** Switches the language and remembers the choice. */
  set(language: Language): void {
    this.language = language
    try {
      globalThis.localStorage?.setItem(LANGUAGE_KEY, language)
    } catch {
      // not remembered; the switch still applies
    }
    this.#applyToDocument()
  }

  /** Screen readers pick their voice (and browsers their fonts) from `<html lang>`. */
  #applyToDocument(): void {
    if (globalThis.document) document.documentElement.lang = this.language
  }
}

export const i18n = new I18n()
