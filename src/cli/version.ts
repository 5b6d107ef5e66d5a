/** Replaced by the build (electron.vite.config.ts) with package.json's version. */
declare const __SPEEDUP_LAB_VERSION__: string | undefined

export const VERSION: string =
  typeof __SPEEDUP_LAB_VERSION__ === 'string' ? __SPEEDUP_LAB_VERSION__ : '0.0.0-dev'
