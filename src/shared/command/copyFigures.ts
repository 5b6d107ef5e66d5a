/**
 * What the `command` workload derives from its copies' measurements (pure):
 * CPU utilization, and whether a copy's output changed between repetitions.
 * The fields are those a command run's worker timings carry; absent or null
 * means "not measured", which is never read as 0.
 */

/** One copy as measured in one repetition. */
export interface CopyFigures {
  cpuUserMs?: number | null
  cpuSystemMs?: number | null
  peakRssBytes?: number | null
  outputHash?: string
}

/** A copy's CPU time (user + system), or null when the OS did not report it. */
export function cpuMsOf(copy: CopyFigures): number | null {
  return typeof copy.cpuUserMs === 'number' && typeof copy.cpuSystemMs === 'number'
    ? copy.cpuUserMs + copy.cpuSystemMs
    : null
}

/**
 * CPU time ÷ (wall × N): did the job keep N cores busy? 1 is every core busy
 * the whole time; a value near 1/N says one core did the work. Null when any
 * copy's CPU was not measured, or the wall is 0.
 */
export function cpuUtilization(
  sample: { wallMs: number; workers: readonly CopyFigures[] },
  workers: number
): number | null {
  if (!(sample.wallMs > 0) || workers < 1 || sample.workers.length === 0) return null
  let cpu = 0
  for (const copy of sample.workers) {
    const ms = cpuMsOf(copy)
    if (ms === null) return null
    cpu += ms
  }
  return cpu / (sample.wallMs * workers)
}

/** A copy whose output differed from what the same copy printed in the first repetition. */
export interface OutputChange {
  rep: number
  /** 0-based copy number ({index}). */
  copy: number
}

/**
 * Repetitions in which a copy's output hash differs from the same copy's in
 * the first repetition (a job that should print the same every time, did not).
 */
export function outputChanges(
  samples: readonly { rep: number; workers: readonly CopyFigures[] }[]
): OutputChange[] {
  const first = samples[0]
  if (!first) return []
  const changes: OutputChange[] = []
  for (const s of samples.slice(1))
    s.workers.forEach((copy, i) => {
      const before = first.workers[i]?.outputHash
      if (before !== undefined && copy.outputHash !== undefined && copy.outputHash !== before)
        changes.push({ rep: s.rep, copy: i })
    })
  return changes
}

/** The median CPU utilization of a worker count's repetitions; null when any was not measured. */
export function medianCpuUtilization(result: {
  workers: number
  samples: readonly { wallMs: number; workers: readonly CopyFigures[] }[]
}): number | null {
  const values: number[] = []
  for (const s of result.samples) {
    const u = cpuUtilization(s, result.workers)
    if (u === null) return null
    values.push(u)
  }
  if (values.length === 0) return null
  values.sort((a, b) => a - b)
  const m = Math.floor(values.length / 2)
  return values.length % 2 ? values[m] : (values[m - 1] + values[m]) / 2
}

const medianOf = (values: number[]): number => {
  const v = [...values].sort((a, b) => a - b)
  const m = Math.floor(v.length / 2)
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2
}

/**
 * The median over repetitions of the copies' CPU time of one kind (user or
 * system), summed over the copies of a repetition; null when any copy's was
 * not measured (a sum's workers carry none: never read as 0).
 */
export function medianCpuMs(
  result: { samples: readonly { workers: readonly CopyFigures[] }[] },
  kind: 'user' | 'system'
): number | null {
  const totals: number[] = []
  for (const s of result.samples) {
    if (s.workers.length === 0) return null
    let total = 0
    for (const copy of s.workers) {
      const ms = kind === 'user' ? copy.cpuUserMs : copy.cpuSystemMs
      if (typeof ms !== 'number') return null
      total += ms
    }
    totals.push(total)
  }
  return totals.length ? medianOf(totals) : null
}

/** The largest peak resident memory of any copy in any repetition; null when none was reported. */
export function peakRssOf(result: {
  samples: readonly { workers: readonly CopyFigures[] }[]
}): number | null {
  let peak: number | null = null
  for (const s of result.samples)
    for (const copy of s.workers)
      if (typeof copy.peakRssBytes === 'number') peak = Math.max(peak ?? 0, copy.peakRssBytes)
  return peak
}

/**
 * Copies that failed in any repetition (a non-zero exit, a signal, or a
 * failure noted by --ignore-failure), over every worker count: a run that
 * kept going past them must not read "every copy exited 0".
 */
export function failedCopies(
  results: readonly {
    samples: readonly {
      workers: readonly {
        exitCode?: number | null
        signal?: string | null
        failure?: string
      }[]
    }[]
  }[]
): number {
  let failed = 0
  for (const r of results)
    for (const s of r.samples)
      for (const c of s.workers)
        if (
          c.failure !== undefined ||
          (typeof c.exitCode === 'number' && c.exitCode !== 0) ||
          c.signal
        )
          failed++
  return failed
}

/** The copies' ✓: the run's check held and no copy failed (none counted: nothing says otherwise). */
export function everyCopyExitedZero(
  correct: boolean,
  copies: { exited: number; copies: number } | null
): boolean {
  return correct && (copies === null || copies.exited === copies.copies)
}

/**
 * Of a worker count's copies over its repetitions, how many exited 0 and how
 * many ran: under --ignore-failure the run stands (its result reads correct)
 * while some copies failed, and a table must not show those behind a ✓.
 */
export function copiesExitedZero(result: Parameters<typeof failedCopies>[0][number]): {
  exited: number
  copies: number
} {
  const copies = result.samples.reduce((n, s) => n + s.workers.length, 0)
  return { exited: copies - failedCopies([result]), copies }
}
