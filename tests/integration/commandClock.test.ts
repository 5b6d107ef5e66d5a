/**
 * Whose clock times a copy (issue 20): where bash is the wrapper, it stamps
 * the job's end ($EPOCHREALTIME, the real-time clock) as its wait returns,
 * and the engine takes that stamp, converted to its own clock, where the two
 * agree; so a copy's time does not hold the engine's own delay in seeing the
 * end. Without bash (sh as the wrapper) the engine's sight of the end counts.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { now, realtimeOffset } from '../../src/engine/clock'
import { runCopy, StartBarrier } from '../../src/engine/workloads/command/runCopy'
import type { CopyOutcome } from '../../src/engine/workloads/command/runCopy'

const dir = mkdtempSync(join(tmpdir(), 'speedup-clock-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const bash = process.platform !== 'win32' && existsSync('/bin/bash')

/** Keeps this process's event loop busy (no I/O seen) for `ms`. */
function busy(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // spinning: the engine is busy while the job ends
  }
}

/**
 * `sleep 0.05` in one copy, the engine's event loop blocked for 600 ms from
 * 10 ms after the go: the job ends meanwhile, and the engine sees it only
 * after the block.
 */
async function sleepWhileBusy(env: NodeJS.ProcessEnv, noShell = false): Promise<CopyOutcome> {
  const barrier = new StartBarrier(1)
  const copy = runCopy({
    name: 'the command',
    line: 'sleep 0.05',
    argv: noShell ? ['/bin/sleep', '0.05'] : null,
    cwd: dir,
    env,
    timeoutMs: 30_000,
    barrier
  })
  // This continuation runs before runCopy's own (registered once the wrapper is up), which
  // writes the go: 10 ms later the go is out and the job sleeps.
  await barrier.open
  await new Promise((r) => setTimeout(r, 10))
  busy(600)
  return copy
}

describe.runIf(bash)('the wrapper’s stamp of the job’s end', () => {
  it('the real-time offset puts bash’s $EPOCHREALTIME between our reads before and after it', () => {
    for (let i = 0; i < 5; i++) {
      const offset = realtimeOffset()!
      expect(offset).not.toBeNull()
      const before = now()
      const out = spawnSync('/bin/bash', ['-c', 'echo $EPOCHREALTIME'], { encoding: 'utf8' })
      const after = now()
      const [s, us] = out.stdout.trim().split(/[.,]/)
      const stamp = Number(s) * 1000 + Number(us) / 1000 - offset
      // Within the offset's error (a few µs; 0.5 ms allowed): a causal order, not a speed.
      expect(stamp).toBeGreaterThan(before - 0.5)
      expect(stamp).toBeLessThan(after + 0.5)
    }
  })

  it('gives no offset, rather than spin forever, when Date.now() does not tick (fake timers)', async () => {
    vi.resetModules()
    // A fresh module: no offset measured in the last second to fall back on.
    const fresh = await import('../../src/engine/clock')
    const frozen = vi.spyOn(Date, 'now').mockReturnValue(1_000_000)
    try {
      expect(fresh.realtimeOffset()).toBeNull()
    } finally {
      frozen.mockRestore()
    }
  })

  it.each([false, true])(
    'a copy’s time is the job’s own even when the engine sees the end late (--no-shell: %s)',
    async (noShell) => {
      const o = await sleepWhileBusy(process.env, noShell)
      expect(o.exitCode).toBe(0)
      // The premise: the engine saw the end only after its 600 ms block.
      expect(o.seenEndedAt - o.startedAt).toBeGreaterThan(600)
      expect(o.endClock).toBe('wrapper')
      expect(o.endedAt).toBeLessThanOrEqual(o.seenEndedAt)
      // 50 ms of sleep plus its start and the wrapper's wake, far below the 600 ms block (the
      // engine's clock alone would read at least that).
      expect(o.wallMs).toBeGreaterThanOrEqual(50)
      expect(o.wallMs).toBeLessThan(450)
    }
  )

  it('without bash as the wrapper (its environment would change it), the engine’s sight counts', async () => {
    const o = await sleepWhileBusy({ ...process.env, SHELLOPTS: 'braceexpand:hashall' })
    expect(o.exitCode).toBe(0)
    expect(o.endClock).toBe('engine')
    expect(o.endedAt).toBe(o.seenEndedAt)
    expect(o.wallMs).toBeGreaterThan(600)
  })
})
