/**
 * The wait workload's bound: N workers (or N requests in flight) share R
 * requests, each answered after the delay, so the best any of them can do is
 * ceil(R/N) answers one after another. The CLI's table, the exports and the
 * app's chart all draw this one figure.
 */
export function waitIdealMs(wait: { requests: number; delayMs: number }, workers: number): number {
  return Math.ceil(wait.requests / Math.max(1, workers)) * wait.delayMs
}
