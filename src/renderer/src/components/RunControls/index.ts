export { default as RunControls } from './RunControls.svelte'
export { default as ErrorNotice } from './ErrorNotice.svelte'
