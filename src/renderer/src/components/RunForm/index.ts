export { default as RunForm } from './RunForm.svelte'
export { default as TextField } from './TextField.svelte'
export { default as Segmented } from './Segmented.svelte'
export type { SegmentOption } from './types'
