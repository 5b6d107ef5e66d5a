/**
 * The machine key and the quiet reference run of a contended run
 * (machineKey.ts, referenceRun.ts), pinned case by case (docs/MUTATION.md):
 * the key's parts and their rounding, and which stored point the search picks —
 * only 'faster' points with an interval, of a quiet run of the same
 * configuration on the same machine, not the run itself; the highest speedup,
 * the newest run on a tie.
 */
import { describe, expect, it } from 'vitest'
import { machineKey } from '../../../src/shared/analysis/machineKey'
import { referenceRun, type ReferenceCandidate } from '../../../src/shared/analysis/referenceRun'
import type { ContentionAnalysis } from '../../../src/shared/analysis/contention'
import { configKey } from '../../../src/shared/configKey'
import type { SystemInfo } from '../../../src/shared/system'
import { syntheticRun } from '../../helpers/syntheticRun'

const SYSTEM: SystemInfo = {
  cpuModel: 'Test CPU 9000',
  logicalCores: 8,
  availableParallelism: 8,
  physicalCores: 4,
  totalMemoryBytes: 15.6 * 2 ** 30,
  os: 'Linux 6.1.0-18-amd64',
  arch: 'x64',
  nodeVersion: 'v20.0.0'
}

describe('machineKey', () => {
  it('is CPU · logical/physical cores · whole GiB · OS family · arch', () => {
    expect(machineKey(SYSTEM)).toBe('Test CPU 9000 · 8/4 · 16 GiB · Linux · x64')
    // 15.4 GiB rounds down; unknown physical cores are '?'.
    const { physicalCores: _, ...noPhysical } = SYSTEM
    expect(machineKey({ ...noPhysical, totalMemoryBytes: 15.4 * 2 ** 30 })).toBe(
      'Test CPU 9000 · 8/? · 15 GiB · Linux · x64'
    )
  })
  it('is null for a cluster run', () => {
    expect(machineKey({ ...SYSTEM, cluster: { server: 'nats://x', agents: [] } })).toBeNull()
  })
})

describe('referenceRun', () => {
  const run = { ...syntheticRun([{ workers: 1, wallMs: [10, 10, 10] }]), system: SYSTEM }
  const machine = machineKey(SYSTEM)
  const contended = { code: 'contended' } as ContentionAnalysis
  const quietRun = (
    id: string,
    startedAt: string,
    points: ReferenceCandidate['points'],
    change: Partial<ReferenceCandidate> = {}
  ): ReferenceCandidate => ({
    id,
    startedAt,
    config: run.config,
    machine,
    contention: 'quiet',
    points,
    ...change
  })
  const faster = (workers: number, speedup: number): ReferenceCandidate['points'][number] => ({
    workers,
    speedup,
    low: speedup - 0.1,
    high: speedup + 0.1,
    verdict: 'faster'
  })

  it('picks the highest significant speedup of a quiet run of the same configuration and machine', () => {
    const history = [
      quietRun('a', '2026-01-01T00:00:00Z', [faster(2, 1.5), faster(4, 1.9), faster(8, 1.7)])
    ]
    expect(referenceRun(run, contended, history)).toEqual({
      runId: 'a',
      startedAt: '2026-01-01T00:00:00Z',
      workers: 4,
      speedup: 1.9,
      low: 1.9 - 0.1,
      high: 1.9 + 0.1
    })
  })

  it('is null unless the run was contended, or when it has no machine key', () => {
    const history = [quietRun('a', '2026-01-01T00:00:00Z', [faster(2, 1.5)])]
    expect(referenceRun(run, { code: 'quiet' } as ContentionAnalysis, history)).toBeNull()
    expect(referenceRun(run, { code: 'unknown' } as ContentionAnalysis, history)).toBeNull()
    const cluster = { ...run, system: { ...SYSTEM, cluster: { server: 's', agents: [] } } }
    expect(referenceRun(cluster, contended, history)).toBeNull()
    // Not even against a stored run without a machine key either.
    const noMachine = [quietRun('b', '2026-01-01T00:00:00Z', [faster(2, 1.5)], { machine: null })]
    expect(referenceRun(cluster, contended, noMachine)).toBeNull()
    expect(referenceRun(run, contended, [])).toBeNull()
  })

  it('skips the run itself, runs not quiet, other machines, other configurations', () => {
    const t = '2026-01-01T00:00:00Z'
    const skipped = [
      quietRun(run.id, t, [faster(2, 3)]),
      quietRun('b', t, [faster(2, 3)], { contention: 'contended' }),
      quietRun('c', t, [faster(2, 3)], { contention: 'unknown' }),
      quietRun('d', t, [faster(2, 3)], { contention: undefined }),
      quietRun('e', t, [faster(2, 3)], { machine: 'Other CPU · 8/4 · 16 GiB · Linux · x64' }),
      quietRun('f', t, [faster(2, 3)], { machine: null }),
      quietRun('g', t, [faster(2, 3)], { config: { ...run.config, pool: 'cold' } })
    ]
    expect(configKey({ ...run.config, pool: 'cold' })).not.toBe(configKey(run.config))
    expect(referenceRun(run, contended, skipped)).toBeNull()
    const kept = quietRun('h', t, [faster(2, 1.2)])
    expect(referenceRun(run, contended, [...skipped, kept])?.runId).toBe('h')
  })

  it('reads only faster points with both ends of an interval and a finite speedup', () => {
    const t = '2026-01-01T00:00:00Z'
    const { low: _l, ...noLow } = faster(2, 3)
    const { high: _h, ...noHigh } = faster(2, 3)
    const points: ReferenceCandidate['points'] = [
      { ...faster(2, 3), verdict: 'no-difference' },
      { ...faster(2, 3), verdict: undefined },
      noLow,
      noHigh,
      { ...faster(2, Number.POSITIVE_INFINITY) },
      { ...faster(2, Number.NaN) },
      faster(4, 1.4)
    ]
    const found = referenceRun(run, contended, [quietRun('a', t, points)])
    expect(found?.workers).toBe(4)
    expect(found?.speedup).toBe(1.4)
  })

  it('on equal speedups the newest run wins, whatever the order; a lower one never does', () => {
    const older = quietRun('old', '2026-01-01T00:00:00Z', [faster(4, 1.9)])
    const newer = quietRun('new', '2026-02-01T00:00:00Z', [faster(2, 1.9)])
    const lower = quietRun('low', '2026-03-01T00:00:00Z', [faster(8, 1.8)])
    expect(referenceRun(run, contended, [older, newer, lower])?.runId).toBe('new')
    expect(referenceRun(run, contended, [newer, older, lower])?.runId).toBe('new')
    expect(referenceRun(run, contended, [lower, older])?.runId).toBe('old')
    // Within one run, the first of two equal points is kept.
    const twice = quietRun('two', '2026-01-01T00:00:00Z', [faster(2, 1.9), faster(8, 1.9)])
    expect(referenceRun(run, contended, [twice])?.workers).toBe(2)
  })
})
