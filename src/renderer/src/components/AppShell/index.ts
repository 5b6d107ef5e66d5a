export { default as Header } from './Header.svelte'
export { default as LiveAnnouncer } from './LiveAnnouncer.svelte'
export { default as StatusBar } from './StatusBar.svelte'
