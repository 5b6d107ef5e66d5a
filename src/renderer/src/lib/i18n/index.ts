export { i18n, I18n, LANGUAGE_KEY } from './i18n.svelte'
export { LANGUAGES, LANGUAGE_NAMES, LOCALES, pickLanguage } from './languages'
export type { Language } from './languages'
export type { Messages } from './en'
