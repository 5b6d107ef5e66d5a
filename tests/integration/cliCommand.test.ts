/**
 * The command workload through the built CLI (out/main/cli.js), as a user
 * runs it: both shapes on real programs, the refusals before anything is
 * timed (exit 2), a failing repetition named, a hang stopped by --timeout,
 * 100 MB of output bounded, and Ctrl-C leaving nothing running.
 */
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'

const dir = mkdtempSync(join(tmpdir(), 'speedup-cli-command-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const quick = ['--warmup', '0', '--reps', '2', '--quiet']

/** Processes whose command line holds `marker` (a unique sleep length), zombies left out. */
function running(marker: string): number[] {
  const found: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8')
      const state = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.[0]
      if (cmd.includes(marker) && state !== 'Z') found.push(Number(name))
    } catch {
      // gone meanwhile
    }
  }
  return found
}

/** The process group of a process (the 5th field of /proc/<pid>/stat). */
function groupOf(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[2])
}

/** Processes still alive (zombies left out) in any of `groups`. */
function inGroups(groups: Set<number>): number[] {
  const found: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const state = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.[0]
      if (state !== 'Z' && groups.has(groupOf(Number(name)))) found.push(Number(name))
    } catch {
      // gone meanwhile
    }
  }
  return found
}

async function noneRunning(marker: string): Promise<void> {
  for (let i = 0; i < 50 && running(marker).length > 0; i++)
    await new Promise((r) => setTimeout(r, 20))
  expect(running(marker)).toEqual([])
}

describe.runIf(process.platform === 'linux')('the command workload in the CLI', () => {
  it('--copies of a CPU-bound loop: a table with the scaled speedup and CPU utilization, a JSON export', async () => {
    const json = join(dir, 'copies.json')
    const r = await runCli([
      '--copies',
      `awk 'BEGIN { for (i = 0; i < 300000; i++) s += i; print s, {index} }'`,
      '--workers',
      '1,2',
      ...quick,
      '--json',
      json
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Scaled S')
    expect(r.stdout).toContain('CPU')
    const exported = JSON.parse(readFileSync(json, 'utf8'))
    const run = exported.run
    expect(run.config.job).toBe('command')
    expect(run.config.command.shape).toBe('copies')
    const two = run.results.find((x: { workers: number }) => x.workers === 2)
    const copies = two.samples[0].workers
    expect(copies).toHaveLength(2)
    for (const c of copies) {
      expect(c.exitCode).toBe(0)
      expect(typeof c.cpuUserMs).toBe('number')
      expect(c.outputHash).toMatch(/^[0-9a-f]{64}$/)
    }
    // The empty copy's cost, measured before the run and taken off: recorded and shown.
    expect(run.protocol.commandStartCost.samples).toBe(10)
    expect(run.protocol.commandStartCost.wallMs).toBeGreaterThanOrEqual(0)
    expect(r.stdout).toContain('Start cost of an empty copy: ')
    // A repetition's time is its copies' own span (first start → last end), not the harness's
    // dispatch and bookkeeping around them; CPU utilization is over that span.
    for (const r of run.results)
      for (const s of r.samples) {
        const starts = s.workers.map((w: { computeStart: number }) => w.computeStart)
        const ends = s.workers.map((w: { computeEnd: number }) => w.computeEnd)
        expect(s.wallMs).toBeCloseTo(Math.max(...ends) - Math.min(...starts), 6)
      }
  })

  it('--command with {workers}, --setup and --cleanup in --cwd, through --no-shell', async () => {
    const work = mkdtempSync(join(dir, 'xz-'))
    writeFileSync(join(work, 'data.txt'), 'speedup lab\n'.repeat(200_000))
    const r = await runCli([
      '--command',
      'xz -T{workers} -k -f data.txt',
      '--no-shell',
      '--setup',
      'touch setup.txt',
      '--cleanup',
      'rm -f data.txt.xz',
      '--cwd',
      work,
      '--workers',
      '1,2',
      ...quick
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Speedup')
    expect(existsSync(join(work, 'setup.txt'))).toBe(true)
    expect(existsSync(join(work, 'data.txt.xz'))).toBe(false)
  })

  it('--sizes LIST: a size sweep of the command, {size} set at each point, its break-even, a JSON export', async () => {
    const work = mkdtempSync(join(dir, 'sizes-'))
    const json = join(dir, 'sizes.json')
    const html = join(dir, 'sizes.html')
    const r = await runCli([
      '--command',
      'echo {size} {workers} >> sizes.log',
      '--cwd',
      work,
      '--sizes',
      '20,10',
      '--workers',
      '1,2',
      ...quick,
      '--json',
      json,
      '--html',
      html,
      '--lang',
      'ko'
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Size sweep of your command: 2 sizes of {size} from 10 to 20')
    expect(r.stdout).toContain('your command — times are medians')
    expect(r.stdout).toMatch(/^ *\{size\} +1 worker \(ms\) +2 workers \(ms\)/m)
    // The verdict: where 2 workers first beat 1 (or that they never or always do), in sizes.
    expect(r.stdout).toMatch(/^Your command: 2 workers .*size/m)
    // Every point ran with 1 worker and with 2, {size} and {workers} filled in: 2 reps each.
    const ran = readFileSync(join(work, 'sizes.log'), 'utf8').trim().split('\n').sort()
    expect(ran).toEqual(['10 1', '10 1', '10 2', '10 2', '20 1', '20 1', '20 2', '20 2'])
    const study = JSON.parse(readFileSync(json, 'utf8'))
    // One sweep: a command's copies are new processes whatever the pool (no warm/cold pair).
    expect(
      study.sizeRuns.map((p: { size: number; run: { config: { command: { size: number } } } }) => [
        p.size,
        p.run.config.command.size
      ])
    ).toEqual([
      [10, 10],
      [20, 20]
    ])
    expect(study.analysis.sizeSweeps).toHaveLength(1)
    expect(study.analysis.sizeSweeps[0]).toMatchObject({ job: 'command', workers: 2 })
    expect(study.analysis.sizeSweeps[0].breakEven.status).toMatch(/crosses|mixed|always|never/)
    // The Korean report speaks of the command and its {size}, never of a range's elements.
    const report = readFileSync(html, 'utf8')
    expect(report).toContain('내 명령: 워커 2개')
    expect(report).toContain('{size}별 내 명령의 속도 향상')
    expect(report).not.toContain('원소')
  })

  it.each([
    [['--command', 'true', '--sweep-sizes', '10,20'], '--sizes LIST with {size}'],
    [['--command', 'true', '--sizes', '10,20'], '--sizes needs {size} in --command'],
    [
      ['--copies', 'echo {size}', '--sizes', '10,20', '--compare-backends'],
      "a command's study is a size sweep of {size}"
    ],
    [['--command', 'echo {size}', '--sizes', '10,20', '--workers', '1'], 'at least 2'],
    [['--command', 'echo {size} {index}', '--sizes', '10,20'], 'does not know {index}'],
    [['--command', 'no-such-program-xyz -T{workers}'], 'not found: no-such-program-xyz'],
    [['--command', 'no-such-program-xyz', '--no-shell'], 'not found: no-such-program-xyz'],
    [['--command', 'job {index}'], '{index}'],
    [['--copies', 'job {workers}'], '{workers}'],
    [['--command', 'job {nope}'], '{nope}'],
    [['--command', ''], 'empty'],
    [['--command', 'true', '--copies', 'true'], '--command and --copies'],
    [['--copies', 'true', '--workers', '1,300'], 'worker'],
    [['--command', 'true', '--cwd', '/no/such/folder'], 'not a folder'],
    [
      ['--command', 'true', '--backend', 'cluster', '--server', 'nats://127.0.0.1:9'],
      'only on this machine'
    ]
  ])('%j → exit 2 before anything is timed: %s', async (args, reason) => {
    const r = await runCli([...args, ...quick])
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toContain(reason)
    expect(r.stdout).toBe('')
  })

  it('a repetition that exits non-zero (the 3rd) fails the run, naming the copy, its code and its stderr', async () => {
    const r = await runCli([
      '--command',
      'if [ {rep} -eq 3 ]; then sleep 29.1113 & echo "out of disk" >&2; exit 4; fi',
      '--workers',
      '1',
      '--warmup',
      '0',
      '--reps',
      '4',
      '--quiet'
    ])
    expect(r.code).toBe(1)
    // Named by worker count and repetition, not by the engine's host ("worker 1 reported …").
    expect(r.stderr).toMatch(
      /the run failed: 1 worker, repetition 3: the command \(pid \d+\) exited with code 4/
    )
    expect(r.stderr).not.toContain('reported an error')
    expect(r.stderr).toContain('out of disk')
    // What the failing copy left in the background is stopped with it.
    await noneRunning('29.1113')
  })

  it('--ignore-failure keeps going and the run stands', async () => {
    const r = await runCli([
      '--command',
      'if [ {rep} -eq 2 ]; then exit 4; fi',
      '--ignore-failure',
      '--workers',
      '1',
      '--warmup',
      '0',
      '--reps',
      '3',
      '--quiet'
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/repetition 2/)
  })

  it('a copy that hangs past --timeout is stopped and named; nothing is left running', async () => {
    const r = await runCli([
      '--copies',
      'sleep 31.4159',
      '--timeout',
      '400ms',
      '--workers',
      '2',
      ...quick
    ])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /\d workers?, (a warm-up|repetition \d): copy \d of \d \(pid \d+\) ran past the timeout \(400 ms\)/
    )
    await noneRunning('31.4159')
  })

  it('100 MB of output: 1 MB kept and hashed, the rest counted, a warning names it', async () => {
    const json = join(dir, 'big.json')
    const r = await runCli([
      '--command',
      'head -c 100000000 /dev/zero # 77.7771',
      '--workers',
      '1',
      ...quick,
      '--json',
      json
    ])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/100,000,000 bytes/)
    const copy = JSON.parse(readFileSync(json, 'utf8')).run.results[0].samples[0].workers[0]
    expect(copy.outputBytes).toBe(100_000_000)
    await noneRunning('77.7771')
  })

  it("SIGTERM ends each copy's whole process group, children ignoring SIGTERM included", async () => {
    let groups = new Set<number>()
    let cli = 0
    let last = -1
    const r = await runCli(
      [
        '--copies',
        `sh -c "trap '' TERM; sleep 23.4567" & sleep 23.4567; wait`,
        '--workers',
        '2',
        // The order that runs 2 copies before the baseline's 1 (the first round: 2, 1).
        '--seed',
        '7',
        ...quick
      ],
      (child) => {
        cli = child.pid ?? 0
        const poll = setInterval(() => {
          // Per copy: the wrapper, the line's shell, two sleeps (and the inner shell, unless it
          // exec'd its sleep): stopped once every copy's tree is up and no longer growing.
          const pids = running('23.4567').filter((p) => p !== cli)
          const steady = pids.length >= 8 && pids.length === last
          last = pids.length
          if (!steady) return
          clearInterval(poll)
          try {
            groups = new Set(pids.map(groupOf))
          } finally {
            child.kill('SIGTERM')
          }
        }, 50)
      }
    )
    expect(r.code).toBe(130)
    expect(r.stderr).toContain('SIGTERM')
    // A process group per copy, apart from the CLI's own.
    expect(groups.size).toBe(2)
    expect(groups.has(groupOf(process.pid))).toBe(false)
    await noneRunning('23.4567')
    expect(inGroups(groups)).toEqual([])
  })

  it('Ctrl-C ends every copy, one ignoring SIGTERM included, and exits 130', async () => {
    const r = await runCli(
      ['--copies', `trap '' TERM; sleep 27.1828`, '--workers', '2', ...quick],
      (child) => {
        const poll = setInterval(() => {
          if (running('27.1828').length >= 2) {
            clearInterval(poll)
            child.kill('SIGINT')
          }
        }, 50)
      }
    )
    expect(r.code).toBe(130)
    await noneRunning('27.1828')
  })
})
