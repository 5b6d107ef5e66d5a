import type { StudyProgress } from '../shared/study'
import type { RunProgress } from '../shared/result'
import { formatDuration, formatPercent } from '../shared/format'

/** A one-line progress display for a terminal: phase, worker count, repetition, bar, ETA. */
export function formatProgress(p: RunProgress, width = 24): string {
  const filled = Math.round(p.fraction * width)
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
  const eta = p.etaMs === null ? '' : ` · ${formatDuration(p.etaMs)} left`
  const what =
    p.phase === 'spawning'
      ? `starting ${p.workers} workers`
      : p.phase === 'done'
        ? 'done'
        : `${p.phase === 'warmup' ? 'warm-up' : 'rep'} ${p.rep}/${p.reps} · ${p.workers} worker${p.workers === 1 ? '' : 's'}`
  return `${bar} ${formatPercent(p.fraction, 'en', 0).padStart(4)} · ${what}${eta}`
}

/** The progress line of a study: its own bar and ETA, the step, and the run's repetition. */
export function formatStudyProgress(p: StudyProgress, width = 24): string {
  const filled = Math.round(p.fraction * width)
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
  const eta = p.etaMs === null ? '' : ` · ${formatDuration(p.etaMs)} left`
  const run =
    p.run && (p.run.phase === 'warmup' || p.run.phase === 'measuring')
      ? ` · ${p.run.phase === 'warmup' ? 'warm-up' : 'rep'} ${p.run.rep}/${p.run.reps} · ${p.run.workers} worker${p.run.workers === 1 ? '' : 's'}`
      : ''
  return `${bar} ${formatPercent(p.fraction, 'en', 0).padStart(4)} · ${p.step}/${p.steps} ${p.label}${run}${eta}`
}
