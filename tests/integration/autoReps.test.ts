import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine'
import type { RunProgress } from '../../src/shared/result'
import { parseRunEnvelope } from '../../src/shared/runExport'
import { WORKER_PATH, config } from '../helpers/engine'
import { runCli } from '../helpers/cli'

/** The measured record inside the CLI's --json (the run export of issue 9). */
function recordOf(path: string): { results: Result[] } {
  const parsed = parseRunEnvelope(readFileSync(path, 'utf8'))
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.value
}

const tmp = mkdtempSync(join(tmpdir(), 'speedup-auto-reps-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

interface Result {
  workers: number
  samples: { wallMs: number }[]
}

describe('repetitions chosen for the user (the default)', () => {
  it('measures each worker count at least 5 times and 3 s in all, at most 100, and says so first', async () => {
    const json = join(tmp, 'run.json')
    // A job of about 100 ms: 5 repetitions are far from 3 s, so the 3 s rule decides (or the cap).
    const r = await runCli([
      '--range',
      '0:200_000_000',
      '--workers',
      '1,2',
      '--warmup',
      '0',
      '--json',
      json
    ])
    expect(r.code).toBe(0)
    expect(r.stderr.split('\n')[0]).toMatch(
      /^speedup-lab: plan: 2 worker counts \(1, 2\) × repetitions chosen for you: at least 5 and 3 s per worker count, at most 100 .*; about \d+ s \(estimated before timing\)\./
    )
    const results = recordOf(json).results
    expect(results.map((x) => x.workers)).toEqual([1, 2])
    for (const result of results) {
      const n = result.samples.length
      const total = result.samples.reduce((a, s) => a + s.wallMs, 0)
      expect(n).toBeGreaterThanOrEqual(5)
      expect(n).toBeLessThanOrEqual(100)
      // Either 3 s were reached (and, past the 5 every count gets, one repetition fewer would
      // not have), or the cap. On a loaded machine 5 repetitions can pass 3 s by themselves.
      if (n < 100) {
        expect(total).toBeGreaterThanOrEqual(3000)
        if (n > 5) expect(total - result.samples[n - 1].wallMs).toBeLessThan(3000)
      }
    }
    expect(r.stdout).toMatch(/0 warm-ups, \d+(–\d+)? reps \(auto\)/)
    // The rule, not the cap, ended at least one count here.
    expect(results.some((x) => x.samples.length < 100)).toBe(true)
  })

  it('--reps N still fixes the count exactly', async () => {
    const json = join(tmp, 'fixed.json')
    const r = await runCli([
      '--range',
      '0:100_000',
      '--workers',
      '2',
      '--reps',
      '3',
      '--json',
      json
    ])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(
      /^speedup-lab: plan: 2 worker counts \(1, 2\) × warm-ups until steady \(at most 10\) \+ 3 repetitions, about/
    )
    const results = recordOf(json).results
    for (const result of results) expect(result.samples).toHaveLength(3)
  })

  it('refuses a count that is neither a number nor auto', async () => {
    const r = await runCli(['--reps', 'lots'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('reps: "lots" is not a whole number (or auto)')
  })

  it('the engine: progress never counts past its planned repetitions, and ends at 100 %', async () => {
    const engine = createEngine({ workerPath: WORKER_PATH })
    const seen: RunProgress[] = []
    try {
      const run = await engine.run(
        config({ range: { start: 0, end: 3_000_000 }, workers: [1, 2], warmup: 0, reps: 'auto' }),
        { onProgress: (p) => seen.push(p) }
      )
      for (const r of run.results) expect(r.samples.length).toBeGreaterThanOrEqual(5)
      const measuring = seen.filter((p) => p.phase === 'measuring')
      expect(measuring.length).toBeGreaterThan(0)
      for (const p of measuring) expect(p.rep).toBeLessThanOrEqual(p.reps)
      // Once the first round is timed, the plan follows the rule: more than the minimum here.
      expect(Math.max(...measuring.map((p) => p.reps))).toBeGreaterThan(5)
      expect(seen.at(-1)).toMatchObject({ phase: 'done', fraction: 1 })
    } finally {
      await engine.dispose()
    }
  })
})
