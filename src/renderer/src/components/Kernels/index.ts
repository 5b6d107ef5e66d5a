export { default as KernelComparison } from './KernelComparison.svelte'
export { default as KernelExplainer } from './KernelExplainer.svelte'
