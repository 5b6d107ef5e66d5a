import { en } from './en'
import type { Messages } from './en'

/**
 * The message catalog in use. One language for now; switching languages
 * will make this reactive state without changing the components that read
 * `i18n.m` and `i18n.locale`.
 */
export const i18n: { readonly m: Messages; readonly locale: string } = {
  m: en,
  locale: 'en'
}

export type { Messages }
