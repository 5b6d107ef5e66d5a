/**
 * The wait, the tutorial's other half: R requests to a latency server that
 * answers each after a fixed delay, shared among N workers that each send
 * their share one after another. Nothing is computed, so it scales past the
 * cores: the ideal time is ceil(R/N)·delay. Checked: every request id
 * answered exactly once.
 */
import { fork } from 'node:child_process'
import { DEFAULT_WAIT } from '../../../shared/config'
import { BenchFailure } from '../../../shared/errors'
import { splitRange } from '../../../shared/range'
import type { WaitOutput, WaitPart } from '../../../shared/workloads/waitPart'
import { watchOrphan } from '../../backends/orphanReaper'
import type { Workload, WorkloadSession } from '../workload'
import type { LatencyServerMessage } from './latencyServer'

/** How long the server may take to say it listens (a loaded machine starts Node in ~1 s). */
const SERVER_START_MS = 20_000
const STATS_TIMEOUT_MS = 2000

interface ServerInfo {
  port: number
  pid: number
}

/** Starts the latency server in a process of its own and waits until it listens. */
export function startLatencyServer(
  workerPath: string,
  delayMs: number,
  log: (line: string) => void,
  signal?: AbortSignal
): Promise<WorkloadSession<ServerInfo>> {
  const child = fork(workerPath, ['--latency-server', String(delayMs)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json'
  })
  const forget = watchOrphan(child.pid, workerPath)
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000)
    for (const line of chunk.split('\n').filter(Boolean))
      log(`[latency server pid ${child.pid}] ${line}`)
  })
  let closing = false
  const name = `the latency server (pid ${child.pid ?? '?'})`
  let failRun!: (e: BenchFailure) => void
  const failed = new Promise<never>((_, reject) => (failRun = reject))
  failed.catch(() => undefined)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', (code, signal) => {
    forget()
    if (closing) return
    const how = signal ? `was killed by signal ${signal}` : `exited with code ${code}`
    failRun(
      new BenchFailure({
        code: 'worker-crashed',
        message: `${name} ${how} during the run.`,
        worker: { name: 'latency server', pid: child.pid ?? null, exitCode: code, signal }
      })
    )
  })
  // Called at a cancel and again when the run ends: both wait for the same exit.
  const close = async (): Promise<void> => {
    closing = true
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())])
  }
  let statsWaiter: ((cpuMs: number | null) => void) | null = null
  return new Promise((resolve, reject) => {
    const refuse = (why: string): void => {
      clearTimeout(timer)
      void close()
      reject(
        new BenchFailure({
          code: 'unavailable',
          message: `The latency server could not start: ${why}${stderr.trim() ? ` (${stderr.trim().split('\n').pop()})` : ''}.`
        })
      )
    }
    const timer = setTimeout(
      () => refuse(`it did not listen within ${SERVER_START_MS / 1000} s`),
      SERVER_START_MS
    )
    timer.unref()
    // A cancel while the server starts: it is stopped, and the run ends as cancelled.
    const onAbort = (): void => {
      clearTimeout(timer)
      // Rejected once it is gone: a cancel that resolves leaves nothing running.
      void close().then(() =>
        reject(new BenchFailure({ code: 'cancelled', message: 'The run was cancelled.' }))
      )
    }
    if (signal?.aborted) return onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    const settled = (): void => signal?.removeEventListener('abort', onAbort)
    exited.then(settled, settled)
    child.once('error', (e) => refuse(e.message))
    child.once('exit', (code, signal) => {
      if (!closing) refuse(signal ? `killed by signal ${signal}` : `it exited with code ${code}`)
    })
    child.on('message', (raw) => {
      const m = raw as LatencyServerMessage
      if (m?.type === 'failed') refuse(m.message)
      if (m?.type === 'stats') {
        statsWaiter?.(typeof m.cpuMs === 'number' ? m.cpuMs : null)
        statsWaiter = null
      }
      if (m?.type === 'listening' && Number.isInteger(m.port)) {
        clearTimeout(timer)
        settled()
        log(
          `[latency server pid ${child.pid}] listening on 127.0.0.1:${m.port}, delay ${delayMs} ms`
        )
        resolve({
          value: { port: m.port, pid: child.pid ?? m.pid },
          // The server's CPU time so far (user + system), asked over its IPC channel.
          cpuMs: () =>
            new Promise((done) => {
              if (!child.connected) return done(null)
              const t = setTimeout(() => done(null), STATS_TIMEOUT_MS)
              statsWaiter = (v) => {
                clearTimeout(t)
                done(v)
              }
              child.send({ type: 'stats' })
            }),
          failed,
          close
        })
      }
    })
  })
}

/** How many times each request id was answered, over every worker. */
type Answers = Map<number, number>

export const waitWorkload: Workload<WaitPart, WaitOutput, Answers, ServerInfo> = {
  name: 'wait',

  open: (config, ctx) =>
    startLatencyServer(ctx.workerPath, (config.wait ?? DEFAULT_WAIT).delayMs, ctx.log, ctx.signal),

  plan(config, workers, server) {
    if (!server) throw new Error('the wait workload runs with its latency server')
    const { requests } = config.wait ?? DEFAULT_WAIT
    return splitRange({ start: 0, end: requests }, workers).map((r) => ({
      job: 'wait',
      first: r.start,
      end: r.end,
      port: server.port
    }))
  },

  // The ids counted: each must come back exactly once.
  combine(outputs) {
    const answers: Answers = new Map()
    for (const o of outputs)
      for (const id of o.answered) answers.set(id, (answers.get(id) ?? 0) + 1)
    return answers
  },

  check(config, _parts, _outputs, answers) {
    const { requests } = config.wait ?? DEFAULT_WAIT
    const tally = { once: 0, duplicated: 0, missing: 0, outOfRange: 0 }
    for (const [id, n] of answers) {
      if (id >= requests) tally.outOfRange += n
      else if (n === 1) tally.once++
      else tally.duplicated++
    }
    tally.missing = requests - tally.once - tally.duplicated
    return {
      actual: String(tally.once),
      expected: String(requests),
      correct: tally.once === requests && tally.outOfRange === 0,
      check: {
        job: 'wait',
        what: 'each-request-once',
        params: {
          requests,
          missing: tally.missing,
          duplicated: tally.duplicated,
          outOfRange: tally.outOfRange
        }
      }
    }
  }
}
