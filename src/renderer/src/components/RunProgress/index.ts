export { default as RunProgress } from './RunProgress.svelte'
export { default as ProgressBar } from './ProgressBar.svelte'
