export { default as HistoryPanel } from './HistoryPanel.svelte'
export { default as HistoryRow } from './HistoryRow.svelte'
export { default as VirtualList } from './VirtualList.svelte'
export { default as DamagedNotice } from './DamagedNotice.svelte'
