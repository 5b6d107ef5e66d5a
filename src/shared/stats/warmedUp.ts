/**
 * Warm-up until steady (Barrett et al., "Virtual machine warmup blows hot and
 * cold", OOPSLA'17: a fixed number of warm-ups is often wrong). Repetition
 * times that still fall are warming up (JIT tiers, caches, page faults); the
 * series is steady once its last two times sit on one level: they differ by
 * at most `tolerance` of the smaller. A falling series never has two such
 * times in a row (each step down is larger than the tolerance), and a slow
 * spike delays the verdict by one time only.
 */
export const STEADY_TOLERANCE = 0.1

export function warmedUp(times: readonly number[], tolerance = STEADY_TOLERANCE): boolean {
  if (times.length < 2) return false
  const [a, b] = times.slice(-2)
  if (!Number.isFinite(a) || !Number.isFinite(b) || a < 0 || b < 0) return false
  return Math.abs(a - b) <= tolerance * Math.min(a, b)
}
