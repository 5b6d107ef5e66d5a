/**
 * Epoch milliseconds from the monotonic clock: differences are monotonic
 * within a process, and values compare across processes (every worker
 * reports its compute start and end on the same scale).
 */
export const now = (): number => performance.timeOrigin + performance.now()
