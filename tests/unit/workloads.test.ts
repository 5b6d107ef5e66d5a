import { describe, expect, it } from 'vitest'
import { parseCli } from '../../src/cli/options'
import { DEFAULT_WAIT, defaultRunConfig } from '../../src/shared/config'
import type { RunConfig } from '../../src/shared/config'
import { parseParentMessage, parseWorkerMessage } from '../../src/shared/protocol'
import { JOBS, jobOf } from '../../src/shared/workloads/jobs'
import { workloadOf, workloads } from '../../src/engine/workloads'
import { partRunners } from '../../src/engine/workloads/parts'
import { sumWorkload } from '../../src/engine/workloads/sum'
import type { SumOutput } from '../../src/shared/workloads/sumPart'

const config = (over: Partial<RunConfig> = {}): RunConfig => ({
  ...defaultRunConfig(2),
  range: { start: -5, end: 11 },
  ...over
})

const outputOf = (sum: bigint): SumOutput => ({
  job: 'sum',
  sum: sum.toString(),
  kernel: 'js',
  nsPerElement: 1
})

describe('the workload contract (issue 17)', () => {
  it('has a controller half and a worker half for every workload', () => {
    expect(Object.keys(workloads).sort()).toEqual([...JOBS].sort())
    expect(Object.keys(partRunners).sort()).toEqual([...JOBS].sort())
    for (const job of JOBS) {
      expect(workloads[job].name).toBe(job)
      expect(partRunners[job].job).toBe(job)
    }
    // A configuration without `job` (every caller and record before workloads) runs the sum.
    expect(jobOf(config())).toBe('sum')
    expect(workloadOf(config())).toBe(workloads.sum)
  })

  it('sum: plans one part per worker, split, replicated or in weak shares', () => {
    expect(sumWorkload.plan(config({ workload: 'split', kernel: 'wasm' }), 3, null, 1)).toEqual([
      { job: 'sum', start: -5, end: 1, kernel: 'wasm' },
      { job: 'sum', start: 1, end: 6, kernel: 'wasm' },
      { job: 'sum', start: 6, end: 11, kernel: 'wasm' }
    ])
    expect(sumWorkload.plan(config({ workload: 'replicate' }), 2, null, 1)).toEqual([
      { job: 'sum', start: -5, end: 11, kernel: 'js' },
      { job: 'sum', start: -5, end: 11, kernel: 'js' }
    ])
    expect(sumWorkload.plan(config({ workload: 'weak' }), 2, null, 1)).toEqual([
      { job: 'sum', start: -5, end: 11, kernel: 'js' },
      { job: 'sum', start: 11, end: 27, kernel: 'js' }
    ])
  })

  it('sum: checks every part against its closed form, not only the total', () => {
    const c = config()
    const parts = sumWorkload.plan(c, 2, null, 1)
    // [-5, 3) sums to -12, [3, 11) to 52: the total is 40.
    const right = [outputOf(-12n), outputOf(52n)]
    const ok = sumWorkload.check(c, parts, right, sumWorkload.combine(right))
    expect(ok).toEqual({
      actual: '40',
      expected: '40',
      correct: true,
      check: { job: 'sum', what: 'closed-form' }
    })
    // Two wrong parts whose errors cancel: the total matches, the check does not.
    const cancelling = [outputOf(-11n), outputOf(51n)]
    const wrong = sumWorkload.check(c, parts, cancelling, sumWorkload.combine(cancelling))
    expect(wrong).toMatchObject({ actual: '40', expected: '40', correct: false })
    const off = [outputOf(-12n), outputOf(0n)]
    expect(sumWorkload.check(c, parts, off, sumWorkload.combine(off))).toMatchObject({
      actual: '-12',
      expected: '40',
      correct: false
    })
  })

  it('sum: refuses, before timing, a worker that cannot run the kernel', () => {
    expect(() =>
      sumWorkload.assertRunnable!(config({ kernel: 'wasm' }), { label: 'w1', kernels: ['js'] })
    ).toThrow(/w1 cannot run the wasm kernel/)
    expect(() =>
      sumWorkload.assertRunnable!(config({ kernel: 'js' }), { label: 'w1', kernels: ['js'] })
    ).not.toThrow()
  })

  it('the protocol carries any part beside `job`; a message without it is the sum’s', () => {
    const legacy = parseParentMessage({
      type: 'run',
      jobId: 1,
      start: 0,
      end: 5,
      progressIntervalMs: 100
    })
    expect(legacy).toEqual({
      type: 'run',
      jobId: 1,
      progressIntervalMs: 100,
      job: 'sum',
      start: 0,
      end: 5,
      kernel: 'js'
    })
    expect(
      parseParentMessage({
        type: 'run',
        jobId: 1,
        job: 'dance',
        start: 0,
        end: 5,
        progressIntervalMs: 1
      })
    ).toBeNull()
    const result = {
      type: 'result',
      jobId: 1,
      sum: '10',
      computeMs: 1,
      startedAt: 1,
      endedAt: 2
    }
    expect(parseWorkerMessage(result)).toMatchObject({ job: 'sum', sum: '10', kernel: 'js' })
    expect(parseWorkerMessage({ ...result, job: 'dance' })).toBeNull()
  })
})

describe('wait on the command line: bad input is refused before anything starts', () => {
  const fields = (argv: string[]): string[] => {
    const parsed = parseCli(argv, 2)
    return parsed.kind === 'invalid' ? parsed.issues.map((i) => `${i.field}: ${i.message}`) : []
  }

  it('reads --workload wait --requests R --delay MS into the wait config', () => {
    const parsed = parseCli(['--workload', 'wait', '--requests', '100', '--delay', '2.5'], 2)
    if (parsed.kind !== 'run') throw new Error(parsed.kind)
    expect(parsed.options.config).toMatchObject({
      job: 'wait',
      wait: { requests: 100, delayMs: 2.5 },
      workload: 'split'
    })
    const defaults = parseCli(['--workload', 'wait', '--backend', 'async'], 2)
    if (defaults.kind !== 'run') throw new Error(defaults.kind)
    expect(defaults.options.config).toMatchObject({ job: 'wait', wait: DEFAULT_WAIT })
  })

  it('refuses each bad input with its reason', () => {
    expect(fields(['--workload', 'wait', '--requests', '0'])).toEqual([
      'wait.requests: requests must be at least 1'
    ])
    expect(fields(['--workload', 'wait', '--requests', '100001'])).toEqual([
      'wait.requests: requests must be at most 100,000'
    ])
    expect(fields(['--workload', 'wait', '--delay', '-1'])).toEqual([
      'delay: "-1" is not a delay in ms (e.g. 20 or 0.5, at least 0)'
    ])
    expect(fields(['--workload', 'wait', '--delay', '10001'])).toEqual([
      'wait.delayMs: delay must be at most 10 s'
    ])
    expect(fields(['--backend', 'async'])).toEqual([
      'backend: the async backend has no worker to compute on: it only waits (workload wait); choose process or thread for the sum'
    ])
    expect(fields(['--workload', 'dance'])).toEqual([
      'workload: "dance" is not a workload (split, replicate, weak, wait)'
    ])
    expect(fields(['--requests', '5'])).toEqual(['requests: --requests needs --workload wait'])
    expect(fields(['--workload', 'wait', '--server', 'nats://127.0.0.1:4222'])).toEqual([
      "backend: the wait workload runs only locally: its latency server is on this machine's 127.0.0.1, which remote workers cannot reach"
    ])
  })
})
