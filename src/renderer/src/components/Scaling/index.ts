/** The Scaling view: studies (size sweep, threads vs processes), run statistics and models. */
export { default as ScalingView } from './ScalingView.svelte'
