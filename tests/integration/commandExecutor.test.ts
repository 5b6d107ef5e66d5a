/**
 * The command executor on real processes: failures named, a hang stopped by
 * the timeout, 100 MB of output bounded, a copy that ignores SIGTERM, and a
 * cancel that leaves nothing running (checked by pid and process group).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseCommandTemplate } from '../../src/shared/command/commandTemplate'
import type { CommandRole, CommandShape } from '../../src/shared/command/commandTemplate'
import { BenchFailure } from '../../src/shared/errors'
import { CommandExecutor } from '../../src/engine/workloads/command/commandExecutor'
import type { CommandPlan } from '../../src/engine/workloads/command/commandExecutor'
import { pidRunning, runningMembers } from '../../src/engine/workloads/command/processTree'
import { OUTPUT_KEPT_BYTES } from '../../src/engine/workloads/command/runCopy'

const posix = process.platform !== 'win32'
const dir = mkdtempSync(join(tmpdir(), 'speedup-command-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function template(line: string, role: CommandRole, shape: CommandShape, shell = true) {
  const r = parseCommandTemplate(line, { role, shape, shell, sizes: false })
  if (!r.ok) throw new Error(r.issue.message)
  return r.template
}

function plan(line: string, o: Partial<CommandPlan> & { noShell?: boolean } = {}): CommandPlan {
  const shape = o.shape ?? 'workers'
  return {
    shape,
    command: template(line, 'command', shape, !o.noShell),
    setup: null,
    prepare: null,
    cleanup: null,
    cwd: dir,
    env: [],
    timeoutMs: 30_000,
    ...o
  }
}

/**
 * Nothing of these pids and groups runs (zombies, which init collects in its
 * own time, do not run). SIGKILL takes effect when the kernel next schedules
 * the process: allow it a second, as a check of "left", not of speed.
 */
async function nothingRunning(pids: number[], pgids: number[]): Promise<void> {
  const left = (): string[] => [
    ...pids.filter(pidRunning).map((p) => `pid ${p}`),
    ...pgids.flatMap((g) => runningMembers(g).map((p) => `pid ${p} of group ${g}`))
  ]
  for (let i = 0; i < 50 && left().length > 0; i++) await new Promise((r) => setTimeout(r, 20))
  expect(left()).toEqual([])
}

/** Every pid and group the executor reported, to check that none is left. */
function tracker(): {
  onPid: (pid: number, pgid: number) => void
  pids: number[]
  pgids: number[]
} {
  const pids: number[] = []
  const pgids: number[] = []
  return {
    pids,
    pgids,
    onPid: (pid, pgid) => {
      pids.push(pid)
      pgids.push(pgid)
    }
  }
}

describe.runIf(posix)('the command executor on real processes', () => {
  it('measures a CPU-bound copy: wall, user + system CPU, exit 0, a stable output hash', async () => {
    const ex = new CommandExecutor(
      plan('i=0; while [ $i -lt 150000 ]; do i=$((i+1)); done; echo done {index}', {
        shape: 'copies'
      })
    )
    await ex.check({ index: 0, rep: 1 })
    const cost = await ex.calibrate()
    expect(cost.samples).toBe(10)
    const a = await ex.repetition(2, { rep: 1 })
    const b = await ex.repetition(2, { rep: 2 })
    expect(a.failure).toBeNull()
    expect(a.copies.map((c) => c.name)).toEqual(['copy 1 of 2', 'copy 2 of 2'])
    for (const c of a.copies) {
      expect(c.exitCode).toBe(0)
      expect(c.userMs).not.toBeNull()
      // A busy loop of 150,000 shell steps uses CPU: measured, not "0 because unknown".
      expect(c.userMs! + c.systemMs!).toBeGreaterThan(0)
      expect(c.peakRssBytes).toBeGreaterThan(0)
    }
    // Each copy printed its own line; the same copy prints the same in every repetition.
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex')
    expect(a.copies[0].stdoutHash).toBe(sha('done 0\n'))
    expect(a.copies[1].stdoutHash).toBe(sha('done 1\n'))
    expect(b.copies.map((c) => c.stdoutHash)).toEqual(a.copies.map((c) => c.stdoutHash))
  })

  /** The engine's two wrappers: bash where it exists, sh when the environment would change bash. */
  const WRAPPERS: [string, [string, string][]][] = [
    ['the default wrapper', []],
    ['the sh wrapper', [['SHELLOPTS', 'braceexpand:hashall']]]
  ]

  it.each(WRAPPERS)(
    'starts the copies of a repetition together, with %s: none before every copy’s wrapper is up',
    async (_, env) => {
      for (const noShell of [false, true]) {
        const ex = new CommandExecutor(plan('true', { shape: 'copies', noShell, env }))
        await ex.check({ index: 0, rep: 1 })
        const { copies, failure } = await ex.repetition(4, { rep: 1 })
        expect(failure).toBeNull()
        // Spawned one after another (spawn() waits for the exec), up one after another: the go
        // comes once the last is up, so no copy's clock starts while another is still starting.
        const lastUp = Math.max(...copies.map((c) => c.readyAt!))
        for (const c of copies) {
          expect(c.readyAt).toBeGreaterThanOrEqual(c.spawnedAt)
          expect(c.startedAt).toBeGreaterThanOrEqual(lastUp)
        }
      }
    }
  )

  it.each(WRAPPERS)(
    'runs the line as `sh -c` would, with %s: sh’s echo, no arguments, none of the wrapper’s variables, fd 3 closed',
    async (_, env) => {
      const ex = new CommandExecutor(
        plan(
          `echo 'a\\tb'; echo "[$#][$1][\${__speedup_go-unset}][\${__speedup_s-unset}]"; (true >&3) 2>/dev/null || echo closed`,
          { env }
        )
      )
      await ex.check({ workers: 1, rep: 1 })
      const { copies } = await ex.repetition(1, { rep: 1 })
      const sha = (s: string): string => createHash('sha256').update(s).digest('hex')
      expect(copies[0].exitCode).toBe(0)
      // sh's (dash's) echo reads \t as a tab; bash's would print it as it is.
      expect(copies[0].stdoutHash).toBe(sha('a\tb\n[0][][unset][unset]\nclosed\n'))
    }
  )

  it.runIf(process.platform === 'linux').each(WRAPPERS)(
    'peak memory is the program’s, run by the line’s shell, not the shell’s own, with %s',
    async (_, env) => {
      // awk holds a 64 MB string while it sleeps (with sh as the wrapper, a child of the line's
      // subshell; `true;` first keeps sh from exec'ing it in its place).
      const ex = new CommandExecutor(
        plan(
          `true; awk 'BEGIN { s = "x"; while (length(s) < 60000000) s = s s; system("sleep 0.4"); print length(s) }'`,
          { env }
        )
      )
      await ex.check({ workers: 1, rep: 1 })
      const { copies } = await ex.repetition(1, { rep: 1 })
      expect(copies[0].exitCode).toBe(0)
      expect(copies[0].peakRssBytes).toBeGreaterThan(60_000_000)
    }
  )

  it.runIf(existsSync('/bin/bash'))(
    'CPU time to the millisecond where bash measures it, not in 10 ms ticks',
    async () => {
      const ex = new CommandExecutor(
        plan(`awk 'BEGIN { for (i = 0; i < 300000; i++) s += i }'`, { shape: 'copies' })
      )
      await ex.check({ index: 0, rep: 1 })
      const { copies } = await ex.repetition(4, { rep: 1 })
      const cpu = copies.map((c) => c.userMs! + c.systemMs!)
      // Four copies all on a 10 ms tick by chance: about 1 in 10,000.
      expect(cpu.some((ms) => Math.abs(ms / 10 - Math.round(ms / 10)) > 1e-6)).toBe(true)
    }
  )

  it('fails the repetition that exits non-zero (the 3rd), naming the copy, its code and its last stderr lines', async () => {
    const ex = new CommandExecutor(
      plan('if [ {rep} -eq 3 ]; then echo "disk full" >&2; echo "giving up" >&2; exit 4; fi')
    )
    const outcomes = []
    for (let rep = 1; rep <= 4; rep++) outcomes.push(await ex.repetition(1, { rep }))
    expect(outcomes.map((o) => o.failure === null)).toEqual([true, true, false, true])
    expect(outcomes[2].failure).toMatch(/^the command \(pid \d+\) exited with code 4/)
    expect(outcomes[2].failure).toContain('disk full ⏎ giving up')
    expect(outcomes[2].copies[0].stderrTail).toEqual(['disk full', 'giving up'])
  })

  it('names a copy killed by a signal', async () => {
    const ex = new CommandExecutor(plan('kill -9 $$', { shape: 'copies' }))
    const o = await ex.repetition(2, { rep: 1 })
    expect(o.failure).toMatch(/^copy 1 of 2 \(pid \d+\) .*killed by SIGKILL/)
  })

  it('stops a copy that hangs past the timeout, names it, and leaves nothing running', async () => {
    const t = tracker()
    const ex = new CommandExecutor(plan('sleep 30', { timeoutMs: 300 }), undefined, t.onPid)
    const o = await ex.repetition(1, { rep: 1 })
    expect(o.copies[0].timedOut).toBe(true)
    expect(o.failure).toMatch(/the command \(pid \d+\) ran past the timeout \(300 ms\)/)
    expect(t.pids).toHaveLength(1)
    await nothingRunning(t.pids, t.pgids)
  })

  it('keeps 1 MB of 100 MB of output, counts the rest, and hashes what it kept', async () => {
    const ex = new CommandExecutor(plan('head -c 100000000 /dev/zero', { noShell: true }))
    await ex.check({ workers: 1, rep: 1 })
    const o = await ex.repetition(1, { rep: 1 })
    const c = o.copies[0]
    expect(o.failure).toBeNull()
    expect(c.stdoutBytes).toBe(100_000_000)
    expect(c.stdoutDiscardedBytes).toBe(100_000_000 - OUTPUT_KEPT_BYTES)
    expect(c.stdoutHash).toBe(
      createHash('sha256').update(Buffer.alloc(OUTPUT_KEPT_BYTES)).digest('hex')
    )
  })

  it('a cancel ends every copy, and one that ignores SIGTERM gets SIGKILL: nothing is left', async () => {
    const t = tracker()
    const controller = new AbortController()
    // Each copy: a shell that ignores SIGTERM, with a child and a grandchild of its own.
    const ex = new CommandExecutor(
      plan(`trap '' TERM; sleep 60 & (sleep 60 & sleep 60; wait); wait`, { shape: 'copies' }),
      controller.signal,
      t.onPid
    )
    const running = ex.repetition(3, { rep: 1 })
    while (t.pgids.length < 3) await new Promise((r) => setTimeout(r, 20))
    // Let the trees grow, then cancel.
    await new Promise((r) => setTimeout(r, 200))
    for (const g of t.pgids) expect(runningMembers(g).length).toBeGreaterThanOrEqual(4)
    controller.abort()
    await expect(running).rejects.toMatchObject({ error: { code: 'cancelled' } })
    await nothingRunning(t.pids, t.pgids)
  })

  it('stops what a copy left running in the background, and says so', async () => {
    const t = tracker()
    const ex = new CommandExecutor(plan('sleep 60 & echo started'), undefined, t.onPid)
    const o = await ex.repetition(1, { rep: 1 })
    expect(o.failure).toBeNull()
    expect(o.copies[0].leftRunning).toBe(true)
    await nothingRunning(t.pids, t.pgids)
  })

  it('runs setup once, prepare before each repetition, cleanup once, in the folder and environment given', async () => {
    const log = join(dir, 'lifecycle.log')
    const ex = new CommandExecutor(
      plan('echo "run {workers} $GREETING" >> lifecycle.log', {
        setup: template('echo setup > lifecycle.log', 'setup', 'workers'),
        prepare: template('echo "prepare {workers} {rep}" >> lifecycle.log', 'prepare', 'workers'),
        cleanup: template('echo cleanup >> lifecycle.log', 'cleanup', 'workers'),
        env: [['GREETING', 'hi there']]
      })
    )
    await ex.step(ex.plan.setup, {})
    await ex.repetition(1, { rep: 1 })
    await ex.repetition(2, { rep: 1 })
    await ex.step(ex.plan.cleanup, {})
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'setup',
      'prepare 1 1',
      'run 1 hi there',
      'prepare 2 1',
      'run 2 hi there',
      'cleanup'
    ])
  })

  it('a failing --prepare stops the run, naming it', async () => {
    const ex = new CommandExecutor(
      plan('true', { prepare: template('exit 3', 'prepare', 'workers') })
    )
    const e = await ex.repetition(1, { rep: 1 }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(BenchFailure)
    expect((e as BenchFailure).message).toMatch(/^--prepare \(pid \d+\) exited with code 3/)
  })

  it('refuses a program that is not there, and a folder that is not one, before anything runs', async () => {
    for (const noShell of [false, true]) {
      const ex = new CommandExecutor(plan('no-such-program-xyz -T{workers}', { noShell }))
      await expect(ex.check({ workers: 1, rep: 1 })).rejects.toMatchObject({
        error: {
          code: 'invalid-input',
          message: 'not found: no-such-program-xyz',
          issues: [{ field: 'command', code: 'program-not-found' }]
        }
      })
    }
    const ex = new CommandExecutor(plan('true', { cwd: join(dir, 'missing') }))
    await expect(ex.check({ workers: 1, rep: 1 })).rejects.toMatchObject({
      error: { code: 'invalid-input', issues: [{ field: 'cwd', code: 'cwd-missing' }] }
    })
    // Builtins and keywords are known to the shell.
    await new CommandExecutor(plan('for i in 1; do :; done')).check({ workers: 1, rep: 1 })
  })
})
