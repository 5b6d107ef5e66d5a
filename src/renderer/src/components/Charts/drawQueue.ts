/**
 * Runs chart redraws one per task, each after a frame has been painted: a
 * change that touches every graph (a new result, the theme) never redraws
 * them all in one long task. A hidden window gets no frames: a timer then
 * takes over.
 */
const jobs: (() => void)[] = []
let scheduled = false

function runOne(): void {
  scheduled = false
  const job = jobs.shift()
  if (job) job()
  if (jobs.length) schedule()
}

function schedule(): void {
  if (scheduled) return
  scheduled = true
  let done = false
  const once = (): void => {
    if (done) return
    done = true
    clearTimeout(fallback)
    runOne()
  }
  const fallback = setTimeout(once, 250)
  requestAnimationFrame(() => setTimeout(once, 0))
}

/** Queues a redraw; returns a function that drops it if it has not run yet. */
export function queueDraw(job: () => void): () => void {
  jobs.push(job)
  schedule()
  return () => {
    const i = jobs.indexOf(job)
    if (i >= 0) jobs.splice(i, 1)
  }
}
