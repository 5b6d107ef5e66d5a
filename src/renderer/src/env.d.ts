/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { BenchApi } from '@shared/api'

declare global {
  interface Window {
    api: BenchApi
  }
}
