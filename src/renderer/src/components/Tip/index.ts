export { default as Tip } from './Tip.svelte'
