/**
 * The arithmetic of a paged list, kept pure: which pages the rows shown
 * need, and which pages a bounded cache keeps. Pages are numbered from 0,
 * `pageSize` rows each.
 */
export type Pages<T> = ReadonlyMap<number, readonly T[]>

/** A cache holding no page. */
export const noPages = <T>(): Pages<T> => new Map<number, readonly T[]>()

/** Pages holding rows [first − margin, last + margin) of a list of `total` rows. */
export function pagesFor(
  first: number,
  last: number,
  total: number,
  pageSize: number,
  margin: number
): number[] {
  const from = Math.max(0, Math.floor((first - margin) / pageSize))
  const to = Math.floor((Math.min(total, last + margin) - 1) / pageSize)
  const pages: number[] = []
  for (let p = from; p <= to; p++) pages.push(p)
  return pages
}

/**
 * `pages` with page `p` set to `rows` (or, with `fresh`, only page `p`), then
 * cut to the `keep` pages nearest `middle` (a page number): page 0, the
 * newest rows, is always kept.
 */
export function withPage<T>(
  pages: Pages<T>,
  p: number,
  rows: readonly T[],
  fresh: boolean,
  keep: number,
  middle: number
): Pages<T> {
  const next = new Map(fresh ? [] : pages)
  next.set(p, rows)
  if (next.size <= keep) return next
  const kept = [...next.keys()]
    .sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : Math.abs(a - middle) - Math.abs(b - middle)))
    .slice(0, keep)
  return new Map(kept.map((k) => [k, next.get(k)!]))
}

/** Pages asked for and not answered yet, with the revision they were asked in (not reactive). */
export class PendingPages {
  readonly #asked = new Map<number, number>()

  ask(p: number, revision: number): void {
    this.#asked.set(p, revision)
  }

  /** True when page `p` was asked for in this revision and its answer has not come. */
  waiting(p: number, revision: number): boolean {
    return this.#asked.get(p) === revision
  }

  answered(p: number): void {
    this.#asked.delete(p)
  }

  clear(): void {
    this.#asked.clear()
  }
}
