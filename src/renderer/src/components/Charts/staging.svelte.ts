import { getContext, setContext } from 'svelte'

const KEY = Symbol('chart staging')

/**
 * A view whose graphs are created one per task (each a frame after the last,
 * see chart.svelte.ts `deferred`) and how many of them are still to be drawn.
 * The view says it is busy until `pending` is back to 0; each card stays
 * hidden until its graph is drawn, so no empty card flashes.
 */
export class ChartStaging {
  pending = $state(0)
}

/** Called by a view (Results): the chart cards below it create their graphs one per task. */
export function stageCharts(): ChartStaging {
  return setContext(KEY, new ChartStaging())
}

/** The staging of the view this card is in, if that view stages its graphs. */
export function chartStaging(): ChartStaging | undefined {
  return getContext<ChartStaging | undefined>(KEY)
}
