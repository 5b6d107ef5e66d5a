import type { RunConfig } from './config'
import { jobOf } from './workloads/jobs'

/** FNV-1a, 32 bits: a command line of any length in a key of bounded length. */
function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16).padStart(8, '0')
}

/**
 * A short key that groups runs of comparable configurations: the same job
 * (its size, or its requests, or its command), sharing, backend, pool and
 * kernel — the history graph's series and "since the last comparable run".
 * A sum's key has no job part, so keys of runs stored before there were
 * other jobs are unchanged.
 */
export function configKey(config: RunConfig): string {
  const job = jobOf(config)
  return [
    `${config.range.start}:${config.range.end}`,
    config.workload,
    config.backend,
    config.pool,
    // Runs without a kernel ran js: they group with js runs.
    config.kernel ?? 'js',
    ...(job === 'wait' ? [`wait:${config.wait?.requests}x${config.wait?.delayMs}`] : []),
    ...(job === 'command'
      ? [`command:${config.command?.shape}:${shortHash(config.command?.line ?? '')}`]
      : [])
  ].join(' · ')
}
