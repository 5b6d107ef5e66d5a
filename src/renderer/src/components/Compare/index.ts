export { default as ComparePanel } from './ComparePanel.svelte'
export { refusalMessage } from './refusalMessage'
