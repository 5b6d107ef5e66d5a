/**
 * Waiting (I/O) in the run form (issue 17): the form's state sends the wait
 * as main validates it (job wait, its requests and delay, split only), offers
 * async only there, and words every refusal of the shared schema in English
 * and Korean from its code (never "is not valid").
 */
import { describe, expect, it } from 'vitest'
import { validateRunConfig } from '../../../src/shared/config'
import { runConfigSchema } from '../../../src/shared/config'
import { en } from '../../../src/renderer/src/lib/i18n/en'
import { ko } from '../../../src/renderer/src/lib/i18n/ko'
import { issueText } from '../../../src/renderer/src/lib/i18n/issueText'
import { RunForm } from '../../../src/renderer/src/lib/state/runForm.svelte'
import { waitIdealLine, waitIdealSpeedup } from '../../../src/renderer/src/lib/results/idealLine'

const form = (): RunForm => {
  const f = new RunForm(() => 2)
  f.workerMode = 'custom'
  f.customWorkers = '1, 4'
  f.reps = '2'
  f.warmup = '0'
  return f
}

describe('the run form offers waiting (I/O)', () => {
  it('sends job wait with its requests and delay (defaults 64 and 20 ms), as main re-validates it', () => {
    const f = form()
    f.setJob('wait')
    expect(f.requests).toBe('64')
    expect(f.delay).toBe('20')
    f.requests = '16'
    f.delay = '10'
    f.backend = 'thread'
    expect(f.valid).toBe(true)
    expect(f.config).toMatchObject({
      job: 'wait',
      wait: { requests: 16, delayMs: 10 },
      workers: [1, 4],
      workload: 'split',
      backend: 'thread'
    })
    // What main's IPC handler parses: the same schema accepts it whole.
    expect(runConfigSchema.safeParse(f.config).success).toBe(true)
    expect(f.waitIdealOneMs).toBe(160)
  })

  it('async is the wait’s only: choosing the sum again takes processes; the cluster never runs the wait', () => {
    const f = form()
    f.setJob('wait')
    f.backend = 'async'
    expect(f.valid).toBe(true)
    f.setJob('sum')
    expect(f.backend).toBe('process')
    f.backend = 'cluster'
    f.setJob('wait')
    expect(f.backend).toBe('process')
  })

  it('bad requests and delay show where they were typed, in both languages', () => {
    const f = form()
    f.setJob('wait')
    f.requests = '0'
    f.delay = '-1'
    expect(f.valid).toBe(false)
    expect(f.issues.requests).toEqual(['Requests must be at least 1'])
    expect(f.issues.delay).toEqual(['Delay (ms) must be at least 0'])
    f.requests = '200,000'
    f.delay = 'soon'
    expect(f.issues.requests).toEqual(['Requests must be at most 100,000'])
    expect(f.issues.delay).toEqual(['Delay (ms) must be a number'])
    f.requests = '64'
    f.delay = '20000'
    expect(f.issues.delay).toEqual(['Delay (ms) must be at most 10,000'])
    f.delay = '2.5'
    expect(f.valid).toBe(true)
  })

  it('a stored wait run fills the form back as the wait', () => {
    const f = form()
    const r = validateRunConfig({
      job: 'wait',
      wait: { requests: 1000, delayMs: 5 },
      range: { start: 0, end: 1 },
      workers: [1, 8],
      workload: 'split',
      backend: 'async',
      pool: 'warm',
      warmup: 0,
      reps: 3
    })
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    f.apply(r.value)
    expect(f.job).toBe('wait')
    expect(f.requests).toBe('1,000')
    expect(f.delay).toBe('5')
    expect(f.backend).toBe('async')
    expect(f.config).toMatchObject({ job: 'wait', wait: { requests: 1000, delayMs: 5 } })
  })
})

describe('the wait’s refusals from the shared schema have words of their own', () => {
  const base = {
    range: { start: 0, end: 1 },
    workers: [1, 2],
    workload: 'split',
    backend: 'process',
    pool: 'warm',
    warmup: 0,
    reps: 2
  }
  const cases: [unknown, string][] = [
    [{ ...base, backend: 'async' }, 'async-needs-wait'],
    [{ ...base, job: 'wait' }, 'wait-required'],
    [
      { ...base, job: 'wait', wait: { requests: 4, delayMs: 1 }, workload: 'weak' },
      'wait-split-only'
    ],
    [
      {
        ...base,
        job: 'wait',
        wait: { requests: 4, delayMs: 1 },
        backend: 'cluster',
        cluster: { server: 'nats://127.0.0.1:4222' }
      },
      'wait-not-on-cluster'
    ]
  ]
  it.each(cases)('%# → %s', (input, code) => {
    const r = validateRunConfig(input)
    expect(r.ok).toBe(false)
    const issue = r.ok ? null : r.issues.find((i) => i.code === code)
    expect(issue, JSON.stringify(r)).toBeDefined()
    const english = issueText(issue!, en)
    const korean = issueText(issue!, ko)
    expect(english).not.toMatch(/not valid/)
    expect(korean).not.toMatch(/올바르지 않습니다/)
    expect(korean).toMatch(/[가-힣]/)
    expect(english).not.toBe(korean)
  })
})

describe('the wait’s ideal speedup: R ÷ ceil(R/N)', () => {
  it('is N where R divides evenly and steps below it where not', () => {
    expect(waitIdealSpeedup(64, 32)).toBe(32)
    expect(waitIdealSpeedup(16, 4)).toBe(4)
    expect(waitIdealSpeedup(16, 3)).toBeCloseTo(16 / 6)
    // More workers than requests: no faster than one round.
    expect(waitIdealSpeedup(16, 64)).toBe(16)
    expect(waitIdealLine(10, 4)).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 3, y: 2.5 },
      { x: 4, y: 10 / 3 }
    ])
  })
})
