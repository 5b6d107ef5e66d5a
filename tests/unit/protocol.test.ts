import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseParentMessage, parseWorkerMessage } from '../../src/shared/protocol'

describe('parseWorkerMessage', () => {
  it('accepts each well-formed message', () => {
    expect(parseWorkerMessage({ type: 'ready', pid: 12, at: 1 })).toEqual({
      type: 'ready',
      pid: 12,
      at: 1
    })
    expect(
      parseWorkerMessage({
        type: 'result',
        jobId: 1,
        sum: '-123',
        computeMs: 2,
        startedAt: 1,
        endedAt: 3
      })
    ).toMatchObject({ type: 'result', sum: '-123' })
    expect(parseWorkerMessage({ type: 'progress', jobId: 1, fraction: 1.5 })).toEqual({
      type: 'progress',
      jobId: 1,
      fraction: 1
    })
  })

  it('rejects malformed ones', () => {
    for (const bad of [
      null,
      'result',
      { type: 'result', jobId: 1, sum: 12, computeMs: 1, startedAt: 1, endedAt: 1 },
      { type: 'result', jobId: 1, sum: '1e9', computeMs: 1, startedAt: 1, endedAt: 1 },
      { type: 'ready', pid: '1', at: 1 },
      { type: 'progress', jobId: 1, fraction: Number.NaN },
      { type: 'nope' }
    ]) {
      expect(parseWorkerMessage(bad)).toBeNull()
    }
  })

  it('never throws (fuzz)', () => {
    fc.assert(fc.property(fc.anything(), (v) => void parseWorkerMessage(v)))
  })
})

describe('parseParentMessage', () => {
  it('accepts run and cancel, rejects reversed or unsafe ranges', () => {
    expect(
      parseParentMessage({ type: 'run', jobId: 1, start: 0, end: 5, progressIntervalMs: 100 })
    ).not.toBeNull()
    expect(parseParentMessage({ type: 'cancel' })).toEqual({ type: 'cancel' })
    expect(
      parseParentMessage({ type: 'run', jobId: 1, start: 5, end: 0, progressIntervalMs: 100 })
    ).toBeNull()
    expect(
      parseParentMessage({ type: 'run', jobId: 1, start: 0, end: 2 ** 60, progressIntervalMs: 100 })
    ).toBeNull()
  })
})
