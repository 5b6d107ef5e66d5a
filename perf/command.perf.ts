/**
 * The `command` workload's figures on this machine (npm run perf -- command),
 * measured side by side in one run through the engine's command executor:
 * - harness overhead per copy: `true` through the shell and with --no-shell,
 *   with the bash and the sh wrapper, against floors timed by bash itself (a
 *   small shell forking a subshell, and running /bin/true) and Node spawning
 *   /bin/true bare; with round 8's wrapper (the job in the background, the
 *   clock stopped when the engine saw the end) reproduced beside it;
 * - --copies of a CPU-bound loop (awk) at 1 and 2: scaled speedup 2·T1/T2 and
 *   CPU utilization = CPU time ÷ (wall × N), through the executor and through
 *   the engine as the CLI runs it (the figures the CLI prints), and the raw
 *   control: the same loop bare, two side by side against one;
 * - stopping: a cancel of 2 copies ignoring SIGTERM (each with a child and a
 *   grandchild) until nothing of their process groups is left (Linux);
 * - xz -T{workers} on a 200 MB generated file at 1 and 2 workers (the file is
 *   made under perf/.tmp/, git-ignored, and deleted afterwards).
 * Prints figures; asserts nothing. PERF_QUICK=1: fewer repetitions, 50 MB;
 * PERF_ONLY=overhead,stopping,copies,xz: those sections only.
 */
import { spawn, spawnSync } from 'node:child_process'
import type { Socket } from 'node:net'
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { CommandExecutor } from '../src/engine/workloads/command/commandExecutor'
import type { RunRecord } from '../src/shared/result'
import { medianCpuUtilization } from '../src/shared/command/copyFigures'
import type { CommandPlan } from '../src/engine/workloads/command/commandExecutor'
import { parseCommandTemplate } from '../src/shared/command/commandTemplate'
import type { CommandShape } from '../src/shared/command/commandTemplate'

const quick = process.env.PERF_QUICK === '1'
const TMP = resolve(__dirname, '.tmp', 'command')

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const row = (label: string, value: string): void => console.log(`  ${label.padEnd(66)} ${value}`)
const ms = (x: number): string => `${x.toFixed(2)} ms`

function plan(line: string, shape: CommandShape, shell: boolean): CommandPlan {
  const t = parseCommandTemplate(line, { role: 'command', shape, shell, sizes: false })
  if (!t.ok) throw new Error(t.issue.message)
  return {
    shape,
    command: t.template,
    setup: null,
    prepare: null,
    cleanup: null,
    cwd: TMP,
    env: [],
    timeoutMs: 10 * 60_000
  }
}

async function bareSpawn(file: string, args: string[]): Promise<number> {
  const t0 = performance.now()
  await new Promise((r) => spawn(file, args, { stdio: 'ignore' }).once('exit', r))
  return performance.now() - t0
}

/**
 * Round 8's wrapper, reproduced for the side by side: the job in the
 * background (`job & wait $!`), and the clock from the go to the engine
 * seeing the `times` line.
 */
const R8_JOB_WAITS = 'echo r >&3; read -r __speedup_go <&3 || exit 125; exec 3>&-; '
const R8_WRAPPER = [
  'if [ "$1" = s ]; then',
  `  /bin/sh -c '${R8_JOB_WAITS}eval "shift; unset __speedup_go; $1"' sh "$2" &`,
  'else',
  '  shift',
  `  /bin/sh -c '${R8_JOB_WAITS}unset __speedup_go; exec "$@"' sh "$@" &`,
  'fi',
  'echo p$! >&3',
  'wait $!; __speedup_s=$?',
  'times >&3',
  'exit $__speedup_s'
].join('\n')

async function round8Copy(bash: boolean, shell: boolean): Promise<number> {
  const child = spawn(
    bash ? '/bin/bash' : '/bin/sh',
    [
      ...(bash ? ['--posix'] : []),
      '-c',
      R8_WRAPPER,
      'r8-copy',
      ...(shell ? ['s', 'true'] : ['n', '/bin/true'])
    ],
    { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], detached: true }
  )
  const fd3 = child.stdio[3] as Socket
  let text = ''
  let go = 0
  let end = 0
  fd3.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1')
    if (!go && /(^|\n)r\n/.test(text)) {
      go = performance.now()
      fd3.write('g\n')
    }
    if (!end && /\d+m[\d.]+s[^\n]*\n[^\n]*\d+m[\d.]+s/.test(text)) end = performance.now()
  })
  await new Promise((r) => child.once('close', r))
  return end - go
}

/**
 * The floors, timed by bash itself ($EPOCHREALTIME) around a child of a small
 * shell, without Node: a subshell that exits (fork, exit, the shell's wake)
 * and /bin/true (fork, exec, run, exit, the shell's wake); their difference
 * is /bin/true's own exec and run, which --no-shell's `true` holds.
 */
function bashFloors(): { subshell: number; binTrue: number } {
  const us = (v: string): string => `$(( \${${v}/[.,]/} ))`
  const script = [
    's=$EPOCHREALTIME; (exit 0); e=$EPOCHREALTIME',
    `echo $(( ${us('e')} - ${us('s')} ))`,
    's=$EPOCHREALTIME; /bin/true; e=$EPOCHREALTIME',
    `echo $(( ${us('e')} - ${us('s')} ))`
  ].join('\n')
  const out = spawnSync('/bin/bash', ['-c', script], { encoding: 'utf8' }).stdout.trim().split('\n')
  return { subshell: Number(out[0]) / 1000, binTrue: Number(out[1]) / 1000 }
}

/**
 * Variables that make the engine keep sh as the wrapper (bash would read
 * them at its start): set here to measure the sh wrapper beside bash's.
 */
const SH_WRAPPER_ENV: [string, string][] = [['SHELLOPTS', 'braceexpand:hashall']]

async function overhead(): Promise<void> {
  const n = quick ? 15 : 40
  console.log(
    `\nHarness overhead per copy: the command \`true\`, ${n} repetitions each, interleaved (medians)`
  )
  const shells = [true, false]
  const wrappers = [
    { name: 'bash wrapper (the default where /bin/bash exists)', bash: true, env: [] },
    { name: 'sh wrapper (without bash)', bash: false, env: SH_WRAPPER_ENV }
  ]
  const variants = shells.flatMap((shell) =>
    wrappers.map((w) => ({
      shell,
      wrapper: w,
      ex: new CommandExecutor({ ...plan('true', 'workers', shell), env: w.env })
    }))
  )
  for (const v of variants) {
    await v.ex.check({ workers: 1, rep: 1 })
    await v.ex.calibrate()
  }
  const bare: number[] = []
  const subshell: number[] = []
  const binTrue: number[] = []
  const r8 = variants.map(() => [] as number[])
  const raw = variants.map(() => [] as number[])
  const seenLate = variants.map(() => [] as number[])
  const stamped = variants.map(() => 0)
  const whole = variants.map(() => [] as number[])
  for (let rep = 1; rep <= n; rep++) {
    bare.push(await bareSpawn('/bin/true', []))
    const f = bashFloors()
    subshell.push(f.subshell)
    binTrue.push(f.binTrue)
    for (const [i, v] of variants.entries()) r8[i].push(await round8Copy(v.wrapper.bash, v.shell))
    for (const [i, v] of variants.entries()) {
      const t0 = performance.now()
      const o = await v.ex.repetition(1, { rep })
      whole[i].push(performance.now() - t0)
      const [copy] = o.copies
      raw[i].push(copy.endedAt - copy.startedAt)
      seenLate[i].push(copy.seenEndedAt - copy.endedAt)
      if (copy.endClock === 'wrapper') stamped[i]++
    }
  }
  const floor = median(bare)
  const ownExec = median(binTrue) - median(subshell)
  console.log('  floors, timed by bash ($EPOCHREALTIME) around a child of a small shell:')
  row('  a subshell that exits (fork, exit, the shell’s wake)', ms(median(subshell)))
  row('  /bin/true (fork, exec, run, exit, the shell’s wake)', ms(median(binTrue)))
  row('  /bin/true’s own exec and run (the difference)', ms(ownExec))
  row('Node spawning /bin/true bare (a fork of this large process)', ms(floor))
  for (const shell of shells) {
    console.log(`  ${shell ? 'through the shell' : '--no-shell'}:`)
    for (const [i, v] of variants.entries()) {
      if (v.shell !== shell) continue
      row(
        `  round 8, ${v.wrapper.name.split(' (')[0]}: \`true\` as timed (go → seen)`,
        ms(median(r8[i]))
      )
    }
    for (const [i, v] of variants.entries()) {
      if (v.shell !== shell) continue
      console.log(`    now, ${v.wrapper.name}:`)
      row(
        `    \`true\` as timed (go → ${v.wrapper.bash ? 'the wrapper’s stamp of its end' : 'the engine seeing its end'})`,
        ms(median(raw[i]))
      )
      if (!shell)
        row(
          '      that − /bin/true’s own exec and run (the harness’s part)',
          ms(median(raw[i]) - ownExec)
        )
      row(
        `      ends taken from the wrapper’s stamp; the engine saw them later by`,
        `${stamped[i]} of ${n}; ${ms(median(seenLate[i]))}`
      )
      row(`      the empty command’s cost (shown in the Method section)`, ms(v.ex.cost.wallMs))
      row(
        `      whole cost of a 1-copy repetition − the bare /bin/true (outside the span)`,
        ms(median(whole[i]) - floor)
      )
    }
  }
}

interface Scaling {
  t1: number
  tn: number
  utilization1: number
  utilizationN: number
  /** Cores other programs used meanwhile (the engine's own measure), when known. */
  otherCores?: number
  /** How far apart the N copies' spawns and their gos were (median over repetitions). */
  spawnSpreadMs?: number
  goSpreadMs?: number
}

async function scaling(
  line: string,
  shape: CommandShape,
  n: number,
  reps: number,
  /** Run after each repetition of a count, interleaved with them (the raw control). */
  beside?: (count: number, rep: number) => Promise<void>
): Promise<Scaling> {
  const ex = new CommandExecutor(plan(line, shape, true))
  await ex.check({ workers: 1, index: 0, rep: 1 })
  await ex.calibrate()
  const walls = new Map<number, number[]>([
    [1, []],
    [n, []]
  ])
  const utilization = new Map<number, number[]>([
    [1, []],
    [n, []]
  ])
  const spread = (xs: number[]): number => Math.max(...xs) - Math.min(...xs)
  const spawnSpread: number[] = []
  const goSpread: number[] = []
  // Interleaved, 1, N, 1, N, … after one warm-up each, as the engine runs counts.
  for (let rep = 0; rep <= reps; rep++) {
    for (const count of [1, n]) {
      const o = await ex.repetition(count, { rep })
      if (o.failure) throw new Error(o.failure)
      await beside?.(count, rep)
      if (rep === 0) continue
      const cpu = o.copies.reduce((s, c) => s + (c.userMs ?? NaN) + (c.systemMs ?? NaN), 0)
      walls.get(count)!.push(o.wallMs)
      utilization.get(count)!.push(cpu / (o.wallMs * count))
      if (count === n && shape === 'copies') {
        spawnSpread.push(spread(o.copies.map((c) => c.spawnedAt)))
        goSpread.push(spread(o.copies.map((c) => c.startedAt)))
      }
    }
  }
  return {
    t1: median(walls.get(1)!),
    tn: median(walls.get(n)!),
    utilization1: median(utilization.get(1)!),
    utilizationN: median(utilization.get(n)!),
    ...(spawnSpread.length
      ? { spawnSpreadMs: median(spawnSpread), goSpreadMs: median(goSpread) }
      : {})
  }
}

/**
 * The same --copies through the built CLI (out/main/cli.js: npm run build
 * first), as a user runs it: medians of each count's repetition walls and the
 * median CPU utilization its table prints, read from its --json export.
 */
function throughCli(loop: string, reps: number): Scaling {
  const json = join(TMP, 'copies.json')
  const argv = ['--copies', loop, '--workers', '1,2', '--warmup', '1', '--reps', String(reps)]
  const cli = spawnSync(
    process.execPath,
    [resolve(__dirname, '../out/main/cli.js'), ...argv, '--quiet', '--json', json],
    { cwd: TMP, encoding: 'utf8' }
  )
  if (cli.status !== 0) throw new Error(`the CLI failed (${cli.status}): ${cli.stderr}`)
  const run = (JSON.parse(readFileSync(json, 'utf8')) as { run: RunRecord }).run
  const at = (n: number): RunRecord['results'][number] => run.results.find((r) => r.workers === n)!
  return {
    t1: median(at(1).samples.map((s) => s.wallMs)),
    tn: median(at(2).samples.map((s) => s.wallMs)),
    utilization1: medianCpuUtilization(at(1)) ?? NaN,
    utilizationN: medianCpuUtilization(at(2)) ?? NaN,
    ...(run.load ? { otherCores: run.load.otherCores } : {})
  }
}

/**
 * The raw control: the same loop run bare by /bin/sh from Node, one alone and
 * two side by side (first spawn → last exit), each right after the
 * executor's repetition of the same count, warm-ups left out: how far this
 * host lets two copies run at once, without the harness.
 */
function rawControl(loop: string): {
  beside: (count: number, rep: number) => Promise<void>
  result: () => { t1: number; t2: number }
} {
  const bare = async (count: number): Promise<number> => {
    const t0 = performance.now()
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise((r) =>
            spawn('/bin/sh', ['-c', `${loop} > /dev/null`], { stdio: 'ignore' }).once('exit', r)
          )
      )
    )
    return performance.now() - t0
  }
  const walls = new Map<number, number[]>([
    [1, []],
    [2, []]
  ])
  return {
    beside: async (count, rep) => {
      const wall = await bare(count)
      if (rep > 0) walls.get(count)!.push(wall)
    },
    result: () => ({ t1: median(walls.get(1)!), t2: median(walls.get(2)!) })
  }
}

async function copies(): Promise<void> {
  const reps = quick ? 3 : 5
  const loop = `awk 'BEGIN { for (i = 0; i < ${quick ? 5e6 : 2e7}; i++) s += i; print s }'`
  console.log(`\n--copies of a CPU-bound loop at 1 and 2 (${reps} repetitions each): ${loop}`)
  const control = rawControl(loop)
  for (const [how, s] of [
    ['the executor', await scaling(loop, 'copies', 2, reps, control.beside)],
    ['the built CLI (its --json)', throughCli(loop, reps)]
  ] as const) {
    console.log(`  through ${how}:`)
    row('  T1 (one copy) / T2 (two copies at once), medians', `${ms(s.t1)} / ${ms(s.tn)}`)
    row('  scaled speedup 2·T1/T2', ((2 * s.t1) / s.tn).toFixed(2))
    row(
      '  CPU utilization at 1 / at 2',
      `${(100 * s.utilization1).toFixed(1)} % / ${(100 * s.utilizationN).toFixed(1)} %`
    )
    if (s.spawnSpreadMs !== undefined && s.goSpreadMs !== undefined)
      row(
        '  2 copies apart: their spawns (round 7 started the clock there) / their gos',
        `${ms(s.spawnSpreadMs)} / ${ms(s.goSpreadMs)}`
      )
    if (s.otherCores !== undefined)
      row(
        "  other programs meanwhile (the run's contention measure)",
        `${s.otherCores.toFixed(2)} of ${availableParallelism()} cores`
      )
  }
  const raw = control.result()
  console.log(
    '  the raw control, no harness (two bare loops side by side vs one, from Node; each after the executor’s repetition of that count):'
  )
  row(
    '  T1 (one loop) / T2 (two at once, first spawn → last exit), medians',
    `${ms(raw.t1)} / ${ms(raw.t2)}`
  )
  row('  2·T1/T2: how much two loops at once gain on this host', ((2 * raw.t1) / raw.t2).toFixed(2))
  console.log(
    '  round 7, quiet machine (before the barrier): CLI 1.91×, CPU use 93.6 / 89.9 %; this script 1.82×, 97 / 93 %'
  )
}

async function xz(): Promise<void> {
  if (spawnSync('xz', ['--version']).status !== 0) {
    console.log('\nxz: not installed (apt-get install xz-utils); skipped')
    return
  }
  const mb = quick ? 50 : 200
  const reps = quick ? 2 : 3
  const file = join(TMP, 'data.txt')
  // Text that compresses like logs: the integers 1, 2, 3, … one a line, cut at the size.
  spawnSync('sh', ['-c', `seq 1 100000000 | head -c ${mb * 1_000_000} > '${file}'`])
  console.log(
    `\nxz -1 -T{workers} on a ${(statSync(file).size / 1e6).toFixed(0)} MB generated file at 1 and 2 workers (${reps} repetitions each)`
  )
  const s = await scaling(`xz -1 -T{workers} -c data.txt > /dev/null`, 'workers', 2, reps)
  row('T1 / T2, medians', `${ms(s.t1)} / ${ms(s.tn)}`)
  row('speedup T1/T2', (s.t1 / s.tn).toFixed(2))
  row(
    'CPU utilization at 1 / at 2',
    `${(100 * s.utilization1).toFixed(0)} % / ${(100 * s.utilizationN).toFixed(0)} %`
  )
}

/** Processes still alive (zombies left out) in any of `groups` (Linux /proc). */
function aliveIn(groups: Set<number>): number {
  let n = 0
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')
      if (fields[0] !== 'Z' && groups.has(Number(fields[2]))) n++
    } catch {
      // gone meanwhile
    }
  }
  return n
}

/**
 * Stopping: 2 copies, each a shell ignoring SIGTERM with a child and a
 * grandchild; cancel, and time until no process of their groups is left
 * (target ≤ 200 ms: SIGTERM, then SIGKILL 100 ms later to what ignored it).
 */
async function stopping(): Promise<void> {
  if (process.platform !== 'linux') return
  const tries = quick ? 3 : 5
  console.log(
    `\nStopping 2 copies that ignore SIGTERM (${tries} tries): cancel → nothing left running`
  )
  const times: number[] = []
  for (let i = 0; i < tries; i++) {
    const controller = new AbortController()
    const groups = new Set<number>()
    const ex = new CommandExecutor(
      plan(`trap '' TERM; sleep 60 & (sleep 60 & sleep 60; wait); wait`, 'copies', true),
      controller.signal,
      (_pid, pgid) => groups.add(pgid)
    )
    const running = ex.repetition(2, { rep: 1 }).catch(() => undefined)
    while (groups.size < 2 || aliveIn(groups) < 8) await new Promise((r) => setTimeout(r, 20))
    const t0 = performance.now()
    controller.abort()
    while (aliveIn(groups) > 0) await new Promise((r) => setTimeout(r, 2))
    times.push(performance.now() - t0)
    await running
  }
  row('cancel → every process of both groups gone, median', ms(median(times)))
  row('the slowest of the tries', ms(Math.max(...times)))
}

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true })
  console.log(
    `${availableParallelism()} cores; load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  )
  try {
    // PERF_ONLY=overhead,copies runs those sections alone (default: all).
    const only = process.env.PERF_ONLY?.split(',')
    const sections = { overhead, stopping, copies, xz }
    for (const [name, section] of Object.entries(sections))
      if (!only || only.includes(name)) await section()
  } finally {
    rmSync(TMP, { recursive: true, force: true })
  }
  console.log(
    `\nload average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  )
}

void main()
