import { describe, expect, it } from 'vitest'
import { SILENCE_TIMEOUT_MS, silenceLimitMs } from '../../src/engine/workerPool'

describe('how long a busy worker may be silent before it is taken as hung', () => {
  it('is the base limit while the busy workers fit the cores', () => {
    expect(silenceLimitMs(SILENCE_TIMEOUT_MS, 1, 2)).toBe(3000)
    expect(silenceLimitMs(SILENCE_TIMEOUT_MS, 2, 2)).toBe(3000)
    expect(silenceLimitMs(SILENCE_TIMEOUT_MS, 0, 2)).toBe(3000)
  })

  it('grows with the share of a core each busy worker gets, up to 10 times', () => {
    // 8 workers on 2 cores: each is scheduled a quarter as often.
    expect(silenceLimitMs(SILENCE_TIMEOUT_MS, 8, 2)).toBe(12_000)
    expect(silenceLimitMs(SILENCE_TIMEOUT_MS, 3, 2)).toBe(4500)
    // 64 processes on 2 cores (the load test, where 3.1 s of silence was seen under load).
    expect(silenceLimitMs(SILENCE_TIMEOUT_MS, 64, 2)).toBe(30_000)
    expect(silenceLimitMs(100, 64, 64)).toBe(100)
  })

  it('takes a machine that reports no cores as one core', () => {
    expect(silenceLimitMs(1000, 4, 0)).toBe(4000)
  })
})
