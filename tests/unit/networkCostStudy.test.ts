/**
 * The network-cost study (issue 11): a study may put `cluster` beside the
 * local backends; its schema, plan, credentials and analysis.
 */
import { describe, expect, it } from 'vitest'
import { findingText as studyFindingMessage } from '../../src/shared/report'
import { analyzeStudy } from '../../src/shared/analysis'
import { networkCost } from '../../src/shared/analysis/networkCost'
import { studyPlan, validateStudyConfig, withoutCredentials } from '../../src/shared/study'
import { networkCostStudy, sweepRuns } from '../helpers/networkCostRuns'
import { STUDY_BASE } from '../helpers/syntheticRun'
import { parseCli } from '../../src/cli/options'
import { formatStudyTables } from '../../src/cli/studyTable'
import { studyToCsv } from '../../src/shared/report/exporters'
import { studyToMarkdown } from '../../src/shared/report/exporters'
import { studyToJson } from '../../src/shared/report/exporters'

const base = STUDY_BASE
const server = 'nats://alice:s3cret@127.0.0.1:4222'

describe('a study with the cluster among its backends', () => {
  it('is refused without a server, with its own code (worded in tests/renderer/networkCostText)', () => {
    const r = validateStudyConfig({ base, sizes: [1000, 10_000], backends: ['process', 'cluster'] })
    expect(r.ok).toBe(false)
    const issues = r.ok ? [] : r.issues
    expect(issues).toEqual([
      {
        field: 'base.cluster.server',
        message: 'comparing with the cluster needs its NATS server (e.g. nats://host:4222)',
        code: 'study-server-required',
        params: {}
      }
    ])
    const blank = validateStudyConfig({
      base: { ...base, cluster: { server: '  ' } },
      backends: ['process', 'cluster']
    })
    expect(blank.ok ? [] : blank.issues.map((i) => i.code)).toEqual(['study-server-required'])
  })

  it('refuses a server that does not parse, and a backend that does not exist', () => {
    const r = validateStudyConfig({
      base: { ...base, cluster: { server: 'http://host:4222' } },
      backends: ['process', 'cluster']
    })
    expect(r.ok ? [] : r.issues.map((i) => [i.field, i.code])).toEqual([
      ['base.cluster.server', 'server-invalid']
    ])
    const gpu = validateStudyConfig({ base, backends: ['process', 'gpu'] })
    expect(gpu.ok ? [] : gpu.issues[0]).toMatchObject({
      field: 'backends.1',
      message: 'a backend must be one of process, thread, cluster'
    })
  })

  it('accepts process and cluster with a server; the plan puts the server on cluster runs only', () => {
    const r = validateStudyConfig({
      base: { ...base, cluster: { server } },
      sizes: [1000, 10_000],
      backends: ['process', 'cluster']
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const steps = studyPlan(r.value)
    const size = steps.filter((s) => s.kind === 'size')
    // process warm, process cold, cluster warm, cluster cold; sizes ascending in each.
    expect(size.map((s) => `${s.backend}/${s.pool}/${s.size}`)).toEqual([
      'process/warm/1000',
      'process/warm/10000',
      'process/cold/1000',
      'process/cold/10000',
      'cluster/warm/1000',
      'cluster/warm/10000',
      'cluster/cold/1000',
      'cluster/cold/10000'
    ])
    for (const s of steps) {
      if (s.kind === 'memory') continue
      expect(s.config.backend).toBe(s.backend)
      if (s.backend === 'cluster') expect(s.config.cluster).toEqual({ server })
      else expect(s.config.cluster).toBeUndefined()
    }
    // The memory probe has no meaning for remote workers: there is none for the cluster.
    expect(steps.filter((s) => s.kind === 'memory').map((s) => s.backend)).toEqual(['process'])
    expect(
      steps.filter((s) => s.kind === 'cold-start').map((s) => [s.backend, s.config.cluster])
    ).toEqual([
      ['process', undefined],
      ['cluster', { server }]
    ])
  })

  it('is recorded without the credentials the URL held', () => {
    const r = validateStudyConfig({
      base: { ...base, cluster: { server } },
      backends: ['process', 'cluster']
    })
    if (!r.ok) throw new Error('invalid')
    const clean = withoutCredentials(r.value)
    expect(clean.base.cluster).toEqual({ server: 'nats://127.0.0.1:4222' })
    expect(JSON.stringify(clean)).not.toContain('s3cret')
    expect(withoutCredentials({ base, sizes: [10] })).toEqual({ base, sizes: [10] })
  })
})

describe('the CLI reads a network-cost study', () => {
  it('--compare-backends process,cluster --server URL', () => {
    const parsed = parseCli(
      ['--sweep-sizes', '1000,10000', '--compare-backends', 'process,cluster', '--server', server],
      2
    )
    expect(parsed.kind).toBe('run')
    if (parsed.kind !== 'run') return
    expect(parsed.options.study?.backends).toEqual(['process', 'cluster'])
    expect(parsed.options.study?.base.cluster).toEqual({ server })
  })

  it('without --server: the issue names --server', () => {
    const parsed = parseCli(
      ['--sweep-sizes', '1000,10000', '--compare-backends', 'process,cluster'],
      2
    )
    expect(parsed).toEqual({
      kind: 'invalid',
      issues: [
        {
          field: 'server',
          message: 'comparing with the cluster needs its NATS server (e.g. nats://host:4222)'
        }
      ]
    })
  })
})

/** A sweep's runs: 1 worker and 2, with fixed times; cluster runs carry a network part. */
describe('analyzeStudy: the network cost', () => {
  const study = networkCostStudy()
  const sizes = study.config.sizes!
  const local = study.sizeRuns.filter((r) => r.backend === 'process')
  const remote = study.sizeRuns.filter((r) => r.backend === 'cluster')

  it('places each break-even with the one findBreakEven and reads them side by side', () => {
    const a = analyzeStudy(study)
    expect(a.sizeSweeps.map((s) => s.backend)).toEqual(['process', 'cluster'])
    const [p, c] = a.sizeSweeps
    expect(p.points.every((x) => x.networkMs === null)).toBe(true)
    expect(c.points.map((x) => x.networkMs)).toEqual([0.5, 0.5, 0.5, 0.5])
    expect(a.networkCost).toHaveLength(1)
    const cost = a.networkCost[0]
    expect(cost.local.breakEven).toEqual(p.breakEven)
    expect(cost.cluster.breakEven).toEqual(c.breakEven)
    expect(p.breakEven.status).toBe('crosses')
    expect(p.breakEven.bracket).toEqual({ below: 10_000, above: 100_000 })
    expect(c.breakEven.bracket).toEqual({ below: 1_000_000, above: 10_000_000 })
    expect(cost.difference).toBe('cluster-later')
    expect(cost.ratio).toBeCloseTo(c.breakEven.size! / p.breakEven.size!, 10)
    expect(cost.ratio!).toBeGreaterThan(10)
    expect(cost.networkMs).toBe(0.5)
    // 0.5 ms of 1.6 ms at the smallest size; of 42 ms at the largest.
    expect(cost.points[0].networkShare).toBeCloseTo(0.5 / 1.6, 2)
    expect(cost.points[3].networkShare).toBeCloseTo(0.5 / 42, 3)
    expect(a.verdict.map((f) => f.code)).toEqual(['break-even', 'break-even', 'network-cost'])
    const text = studyFindingMessage(a.verdict[2])
    expect(text).toMatch(
      /^Network cost \(warm pool, 1 vs 2 workers\): where N first beat 1 — process: about [\d,]+ elements; cluster: about [\d,]+ elements — [\d.]+× later on the cluster \(beyond the errors\)\./
    )
    expect(text).toContain('later on the cluster')
    expect(text).toContain('(median 0.500 ms)')
  })

  it('says "above the largest size" when N never wins on the cluster, and no ratio', () => {
    const never = sweepRuns('cluster', [0.3, 1.1, 8.1, 80], [1.6, 1.8, 9, 90], sizes, 0.5)
    const a = analyzeStudy({ ...study, sizeRuns: [...local, ...never] })
    const cost = a.networkCost[0]
    expect(cost.cluster.breakEven.status).toBe('never')
    expect(cost.difference).toBe('cluster-later')
    expect(cost.ratio).toBeNull()
    expect(studyFindingMessage({ code: 'network-cost', cost })).toContain(
      'cluster: above 10,000,000 elements — later on the cluster'
    )
  })

  it('words a noisy break-even and one that cannot be placed', () => {
    const cost = analyzeStudy(study).networkCost[0]
    const noisy = { ...cost.local.breakEven, status: 'mixed' as const, size: 45_000 }
    const unplaced = { ...noisy, size: null }
    expect(
      studyFindingMessage({
        code: 'network-cost',
        cost: { ...cost, local: { ...cost.local, breakEven: noisy } }
      })
    ).toContain('process: about 45,000 elements (noisy); cluster: about')
    expect(
      studyFindingMessage({
        code: 'network-cost',
        cost: { ...cost, local: { ...cost.local, breakEven: unplaced }, difference: 'unplaced' }
      })
    ).toContain('process: unclear (noisy); cluster: about')
  })

  it('a study without the cluster has no network cost', () => {
    const a = analyzeStudy({ ...study, sizeRuns: local })
    expect(a.networkCost).toEqual([])
    const same = analyzeStudy({ ...study, sizeRuns: [...local, ...remote] }).sizeSweeps
    expect(networkCost(same[0], same[0]).difference).toBe('same')
  })

  it('goes into the CLI table and every export: both sweeps, both break-evens, the network', () => {
    const a = analyzeStudy(study)
    const cost = a.networkCost[0]
    const table = formatStudyTables(study, a)
    expect(table).toContain('cluster, warm pool — times are medians')
    expect(table).toContain(
      'Network cost: warm pool, 1 vs 2 workers — process and cluster side by side'
    )
    expect(table).toMatch(
      /Break-even \(N first beats 1\): process about [\d,]+, within the errors .* · cluster about [\d,]+, within the errors .* · difference: [\d.]+× later on the cluster \(beyond the errors\)/
    )

    const md = studyToMarkdown(study, a)
    expect(md).toContain('## Problem size: cluster, warm pool')
    expect(md).toContain('## Network cost: warm pool, process and cluster')
    expect(md).toMatch(/\| cluster +\| about [\d,]+, within the errors/)

    const csv = studyToCsv(study, a).split('\r\n')
    const head = csv[0].split(',')
    const col = (row: string, name: string): string => row.split(',')[head.indexOf(name)]
    const network = csv.filter((r) => r.startsWith('network,'))
    expect(network).toHaveLength(4)
    expect(network.map((r) => col(r, 'networkMs'))).toEqual(['0.5', '0.5', '0.5', '0.5'])
    expect(Number(col(network[0], 'networkShare'))).toBeCloseTo(0.5 / 1.6, 2)
    const summary = csv.filter((r) => r.startsWith('network-cost,'))
    expect(summary).toHaveLength(1)
    expect(col(summary[0], 'networkDifference')).toBe('cluster-later')
    expect(Number(col(summary[0], 'breakEvenRatio'))).toBeCloseTo(cost.ratio!, 3)
    const breakEvens = csv.filter((r) => r.startsWith('break-even,'))
    expect(breakEvens.map((r) => col(r, 'backend'))).toEqual(['process', 'cluster'])

    const json = JSON.parse(studyToJson(study, a)) as { analysis: typeof a }
    expect(json.analysis.networkCost[0].difference).toBe('cluster-later')
    expect(json.analysis.sizeSweeps.map((x) => x.backend)).toEqual(['process', 'cluster'])
  })
})
