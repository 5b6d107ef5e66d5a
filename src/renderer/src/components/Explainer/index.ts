export { default as ExplainerView } from './ExplainerView.svelte'
export { default as Verdict } from './Verdict.svelte'
