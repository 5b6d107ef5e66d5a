import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import { contentionOf } from '../../src/shared/analysis/contention'
import { parseRunRecord } from '../../src/shared/runRecordSchema'
import type { RunRecord } from '../../src/shared/result'

/** --history: a contended run's reference point, from the app's history file. */
const tmp = mkdtempSync(join(tmpdir(), 'speedup-cli-history-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const SHORT = ['--range', '0:200_000', '--workers', '1,2', '--warmup', '0', '--no-serial']

describe('the CLI’s --history', () => {
  it('a file it cannot read: exit 2 before anything runs', async () => {
    const r = await runCli([...SHORT, '--reps', '1', '--history', join(tmp, 'missing.jsonl')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/history: cannot read .*missing\.jsonl \(ENOENT\)/)
    expect(r.stderr).not.toMatch(/plan:/)
    expect(r.stdout).toBe('')
    const empty = await runCli([...SHORT, '--reps', '1', '--history', ''])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('a file name is required')
    const study = await runCli([...SHORT, '--sweep-sizes', '1000,2000', '--history', 'x.jsonl'])
    expect(study.code).toBe(2)
    expect(study.stderr).toContain('--history')
  }, 60_000)

  it('a quiet run of this job on this machine is named beside the contention finding, only then', async () => {
    // This machine's record of the job, as the CLI stores it; made quiet (1.97× on free cores).
    const json = join(tmp, 'first.json')
    const first = await runCli([...SHORT, '--reps', '6', '--quiet', '--json', json])
    expect(first.code, first.stderr).toBe(0)
    const record = JSON.parse(readFileSync(json, 'utf8')).run as RunRecord
    const quiet: RunRecord = structuredClone(record)
    quiet.id = 'quiet-reference'
    quiet.startedAt = '2026-01-01T00:00:00.000Z'
    const t1 = quiet.results.find((r) => r.workers === 1)!
    const t2 = quiet.results.find((r) => r.workers === 2)!
    t1.samples.forEach((s, i) => {
      s.wallMs = 100 + i * 0.1
      s.computeMs = [99.5 + i * 0.1]
    })
    t2.samples.forEach((s, i) => {
      s.wallMs = 50.65 + i * 0.1
      s.computeMs = [50.15 + i * 0.1, 50.15 + i * 0.1]
    })
    // Quiet by every signal, whatever this machine was doing when the first run was made: no
    // other programs, and each of 2 workers as fast per element as one alone (the first run's own
    // per-worker speeds, kept, made the copy 'contended' on a busy CI machine).
    for (const r of [t1, t2])
      for (const s of r.samples) for (const w of s.workers) w.nsPerElement = 0.5
    quiet.load = { ...quiet.load!, otherCores: 0, stealCores: 0 }
    expect(parseRunRecord(quiet).ok).toBe(true)
    expect(contentionOf(quiet, 2).code).toBe('quiet')
    const history = join(tmp, 'history.jsonl')
    writeFileSync(history, `${JSON.stringify(quiet)}\n`)

    const r = await runCli([...SHORT, '--reps', '3', '--quiet', '--history', history])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.split('\n')
    const shared = lines.findIndex((l) => l.startsWith('⚠ Shared cores:'))
    const reference = lines.findIndex((l) => l.startsWith('On this machine this job has reached'))
    // Whether this machine was busy is not ours to choose (other work shares it): the reference
    // follows the finding when there is one, and is absent when the cores were free.
    if (shared >= 0) {
      expect(reference, r.stdout).toBe(shared + 1)
      expect(lines[reference]).toContain('1.97× with 2 workers')
    } else expect(reference, r.stdout).toBe(-1)
  }, 120_000)
})
