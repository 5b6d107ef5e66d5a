export { default as SystemPanel } from './SystemPanel.svelte'
