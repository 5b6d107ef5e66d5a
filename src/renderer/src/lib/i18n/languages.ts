/**
 * The languages the app speaks: a code, the Intl locale its numbers and dates
 * are formatted in, and its own name (shown in the language picker, which
 * names every language in that language).
 */
export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]

export const LOCALES: Record<Language, string> = { en: 'en-US', ko: 'ko-KR' }
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The first of the user's preferred languages that the app speaks ("ko-KR" → ko), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (isLanguage(base)) return base
  }
  return 'en'
}
