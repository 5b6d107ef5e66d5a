/** The run shortcut as this platform writes it: ⌘ Enter on a Mac, Ctrl+Enter elsewhere. */
export function runShortcut(otherwise: string): string {
  const platform = globalThis.navigator?.platform ?? ''
  return /^Mac/i.test(platform) ? '⌘ Enter' : otherwise
}
