import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseParentMessage, parseWorkerMessage } from '../../src/shared/protocol'

describe('parseWorkerMessage', () => {
  it('accepts each well-formed message', () => {
    expect(parseWorkerMessage({ type: 'ready', pid: 12, at: 1 })).toEqual({
      type: 'ready',
      pid: 12,
      at: 1,
      kernels: ['js']
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

  it('carries the kernels a worker offers, and which one ran at what ns/element', () => {
    expect(parseWorkerMessage({ type: 'ready', pid: 1, at: 1, kernels: ['js', 'wasm'] })).toEqual({
      type: 'ready',
      pid: 1,
      at: 1,
      kernels: ['js', 'wasm']
    })
    const result = { type: 'result', jobId: 1, sum: '5', computeMs: 2, startedAt: 1, endedAt: 3 }
    expect(parseWorkerMessage({ ...result, kernel: 'wasm', nsPerElement: 0.12 })).toMatchObject({
      kernel: 'wasm',
      nsPerElement: 0.12
    })
    expect(parseWorkerMessage({ ...result, kernel: 'wasm', nsPerElement: null })).toMatchObject({
      kernel: 'wasm',
      nsPerElement: null
    })
    // A worker that does not say ran the js loop.
    expect(parseWorkerMessage(result)).toMatchObject({ kernel: 'js', nsPerElement: null })
    for (const bad of [
      { ...result, kernel: 'c' },
      { ...result, kernel: 'wasm', nsPerElement: -1 },
      { ...result, kernel: 'wasm', nsPerElement: 'fast' },
      { type: 'ready', pid: 1, at: 1, kernels: ['js', 'gpu'] },
      { type: 'ready', pid: 1, at: 1, kernels: 'wasm' }
    ])
      expect(parseWorkerMessage(bad)).toBeNull()
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
    expect(
      parseParentMessage({ type: 'run', jobId: 1, start: 0, end: 5, progressIntervalMs: 100 })
    ).toMatchObject({ kernel: 'js' })
    expect(
      parseParentMessage({
        type: 'run',
        jobId: 1,
        start: 0,
        end: 5,
        kernel: 'wasm',
        progressIntervalMs: 100
      })
    ).toMatchObject({ kernel: 'wasm' })
    expect(
      parseParentMessage({
        type: 'run',
        jobId: 1,
        start: 0,
        end: 5,
        kernel: 'x',
        progressIntervalMs: 1
      })
    ).toBeNull()
    expect(parseParentMessage({ type: 'cancel' })).toEqual({ type: 'cancel' })
    expect(
      parseParentMessage({ type: 'run', jobId: 1, start: 5, end: 0, progressIntervalMs: 100 })
    ).toBeNull()
    expect(
      parseParentMessage({ type: 'run', jobId: 1, start: 0, end: 2 ** 60, progressIntervalMs: 100 })
    ).toBeNull()
  })
})
