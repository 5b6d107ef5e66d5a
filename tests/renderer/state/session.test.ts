import { describe, expect, it } from 'vitest'
import type { BenchApi } from '../../../src/shared/api'
import type { RunConfig } from '../../../src/shared/config'
import type { BenchError, Result } from '../../../src/shared/errors'
import type { RunRecord } from '../../../src/shared/result'
import { BenchSession } from '../../../src/renderer/src/lib/state/session.svelte'

const frames = { request: () => 1, cancel: () => {} }
const record = (id: string) => ({ id }) as unknown as RunRecord
const config = { workers: [1, 2] } as unknown as RunConfig

/** Only what a single run calls; every answer is given up front. */
function api(answer: Result<RunRecord>): BenchApi {
  return {
    run: async () => answer,
    runConfirmed: async () => answer,
    onProgress: () => () => {},
    cancel: async () => ({ ok: true, value: { cancelled: true } })
  } as unknown as BenchApi
}

describe('BenchSession on the shared run lifecycle', () => {
  it('shows the finished run and hands it to history', async () => {
    const stored: RunRecord[] = []
    const session = new BenchSession(
      api({ ok: true, value: record('a') }),
      (r) => stored.push(r),
      frames
    )
    await session.run(config)
    expect(session.shown).toEqual(record('a'))
    expect(stored).toEqual([record('a')])
    expect(session.running).toBe(false)
    expect(session.error).toBeNull()
  })

  it('a run that finished but was not stored (full disk) is still shown, with its error', async () => {
    const error: BenchError = { code: 'not-saved', message: 'disk full', run: record('kept') }
    const stored: RunRecord[] = []
    const session = new BenchSession(api({ ok: false, error }), (r) => stored.push(r), frames)
    await session.run(config)
    expect(session.shown).toEqual(record('kept'))
    expect(session.error).toEqual(error)
    expect(stored).toEqual([])
    session.dismissError()
    expect(session.error).toBeNull()
  })
})
