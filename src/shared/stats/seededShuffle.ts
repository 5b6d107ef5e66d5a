/**
 * The items in a random order drawn from `random` (Fisher–Yates): with a
 * seeded generator (seededRandom) the same seed gives the same order, so a
 * run's order of worker counts can be replayed from the seed it recorded.
 */
export function seededShuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
