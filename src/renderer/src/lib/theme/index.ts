export { theme, ThemeStore, THEME_CHOICES, THEME_KEY } from './theme.svelte'
export type { Theme, ThemeChoice } from './theme.svelte'
