import type { StudyProgress } from '../shared/study'
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

/** The progress line of a study: its own bar and ETA, the step, and the run's repetition. */
export function formatStudyProgress(p: StudyProgress, width = 24): string {
  const filled = Math.round(p.fraction * width)
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
  const eta = p.etaMs === null ? '' : ` · ${(p.etaMs / 1000).toFixed(0)} s left`
  const run =
    p.run && (p.run.phase === 'warmup' || p.run.phase === 'measuring')
      ? ` · ${p.run.phase === 'warmup' ? 'warm-up' : 'rep'} ${p.run.rep}/${p.run.reps} · ${p.run.workers} worker${p.run.workers === 1 ? '' : 's'}`
      : ''
  return `${bar} ${(p.fraction * 100).toFixed(0).padStart(3)} % · ${p.step}/${p.steps} ${p.label}${run}${eta}`
}
