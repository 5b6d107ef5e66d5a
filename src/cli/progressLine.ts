import type { RunProgress } from '../shared/result'

/** A one-line progress display for a terminal: phase, worker count, repetition, bar, ETA. */
export function formatProgress(p: RunProgress, width = 24): string {
  const filled = Math.round(p.fraction * width)
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
  const eta = p.etaMs === null ? '' : ` · ${(p.etaMs / 1000).toFixed(1)} s left`
  const what =
    p.phase === 'spawning'
      ? `starting ${p.workers} workers`
      : p.phase === 'done'
        ? 'done'
        : `${p.phase === 'warmup' ? 'warm-up' : 'rep'} ${p.rep}/${p.reps} · ${p.workers} worker${p.workers === 1 ? '' : 's'}`
  return `${bar} ${(p.fraction * 100).toFixed(0).padStart(3)} % · ${what}${eta}`
}
