import type { WorkerCountResult, WorkerTiming } from '../../src/shared/result'

/** One copy's timing of a command repetition: 10 ms of work, with what the test sets. */
export const commandCopy = (o: Partial<WorkerTiming>): WorkerTiming => ({
  name: 'worker',
  pid: null,
  spawnStart: null,
  readyAt: null,
  dispatchedAt: 0,
  computeStart: 0,
  computeEnd: 10,
  receivedAt: 10,
  computeMs: 10,
  ...o
})

/** A command's result at `workers` copies: one repetition per list of copies (commandWarnings' input). */
export const commandResult = (
  reps: Partial<WorkerTiming>[][],
  workers: number
): WorkerCountResult => ({
  workers,
  sum: String(workers),
  expectedSum: String(workers),
  correct: true,
  samples: reps.map((copies, i) => ({
    rep: i + 1,
    wallMs: 10,
    spawnMs: null,
    computeMs: copies.map(() => 10),
    mergeMs: 0,
    overheadMs: 0,
    workers: copies.map(commandCopy)
  }))
})
