/**
 * Fuzzing the two doors into the engine: every IPC channel (random shapes,
 * and valid payloads with one part replaced, removed or added) through the
 * sender guard and the real service and engine, and the CLI's argument
 * parser. Only validation errors come back for bad input — never a throw —
 * and no worker is started for it (the backends count every spawn).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCli } from '../../src/cli/options'
import { collectSystemInfo, createEngine } from '../../src/engine'
import type { Backend, Engine, WorkerHandle } from '../../src/engine/types'
import { createHistoryStore } from '../../src/main/history/historyStore'
import { guardedInvoke } from '../../src/main/ipc/senderPolicy'
import type { SenderFacts, TrustedRenderer } from '../../src/main/ipc/senderPolicy'
import { createBenchService } from '../../src/main/service/benchService'
import type { BenchService } from '../../src/main/service/benchService'
import { runConfigSchema } from '../../src/shared/config'
import { INVOKE_CHANNELS, invokeChannels } from '../../src/shared/ipc'
import type { InvokeChannel } from '../../src/shared/ipc'
import { studyConfigSchema } from '../../src/shared/study'
import { VALID_PAYLOADS as VALID } from '../helpers/ipcPayloads'

const APP = 'file:///opt/Speedup%20Lab/resources/app.asar/out/renderer/index.html'
const trusted: TrustedRenderer = { webContentsId: 1, url: APP }
const fromApp: SenderFacts = { webContentsId: 1, frameUrl: APP, isTopFrame: true }

/** Backends that start nothing: each spawn is counted, and the "worker" is gone at once. */
let spawns = 0
const countingBackend = (kind: 'process' | 'thread') => (): Backend => ({
  kind,
  spawn(name): WorkerHandle {
    spawns++
    return {
      name,
      pid: null,
      send: () => undefined,
      onMessage: () => undefined,
      onExit: (listener) => queueMicrotask(() => listener(1, null)),
      kill: () => undefined
    }
  }
})

/** Values that sit on the edges of what validation must catch. */
const edgy = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    0.5,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    1e308,
    1025,
    '',
    ' ',
    '0',
    '1e3',
    'process',
    'split',
    '__proto__',
    'constructor',
    null,
    undefined,
    true,
    [],
    {}
  ),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.integer({ min: -3, max: 2000 }), { maxLength: 70 })
)
const anyShape = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true
})

type Path = (string | number)[]
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return []
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value)
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])])
}

/** The valid payload with one part replaced, removed, or an unknown key added beside it. */
const mutationOf = (valid: unknown) =>
  fc
    .record({
      pick: fc.nat(),
      op: fc.constantFrom('replace', 'replace', 'delete', 'add'),
      value: fc.oneof(edgy, anyShape),
      key: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constant('__proto__'))
    })
    .map(({ pick, op, value, key }) => {
      const copy = structuredClone(valid) as Record<string | number, unknown>
      const paths = pathsOf(copy)
      if (paths.length === 0) return value
      const path = paths[pick % paths.length]
      const parent = path
        .slice(0, -1)
        .reduce<Record<string | number, unknown>>(
          (node, k) => node[k] as Record<string | number, unknown>,
          copy
        )
      const last = path[path.length - 1]
      if (op === 'replace') parent[last] = value
      else if (op === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1)
        else delete parent[last]
      } else if (!Array.isArray(parent))
        Object.defineProperty(parent, key, { value, enumerable: true })
      else parent.push(value)
      return copy
    })

describe('IPC payload fuzzing (guard → service → engine)', () => {
  let dir: string
  let engine: Engine
  let service: BenchService
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fuzz-history-'))
    engine = createEngine({
      workerPath: '/nonexistent/worker.js',
      processBackend: countingBackend('process'),
      threadBackend: countingBackend('thread')
    })
    service = createBenchService({
      engine,
      history: createHistoryStore(dir),
      saveFile: async () => null,
      systemInfo: () => collectSystemInfo(),
      emit: () => undefined
    })
  })
  afterAll(async () => {
    await engine.dispose()
    await rm(dir, { recursive: true, force: true })
  })

  it('has a valid example for the channels it mutates', () => {
    for (const [channel, payload] of Object.entries(VALID))
      expect(
        invokeChannels[channel as InvokeChannel].payload.safeParse(payload).success,
        channel
      ).toBe(true)
  })

  it('does count spawns: a valid run reaches the backends (whose workers are gone at once)', async () => {
    const before = spawns
    const answer = await guardedInvoke(service, trusted, fromApp, 'bench:run', VALID['bench:run'])
    expect(spawns).toBeGreaterThan(before)
    expect(!answer.ok && answer.error.code).toBe('worker-crashed')
  })

  const check = async (channel: InvokeChannel, payload: unknown): Promise<boolean> => {
    const before = spawns
    const valid = invokeChannels[channel].payload.safeParse(payload).success
    // Never throws, never rejects: every answer is a Result that survives IPC.
    const answer = await guardedInvoke(service, trusted, fromApp, channel, payload)
    expect(typeof answer.ok).toBe('boolean')
    expect(() => structuredClone(answer)).not.toThrow()
    if (!valid) {
      expect(answer.ok).toBe(false)
      if (!answer.ok) {
        expect(answer.error.code).toBe('invalid-input')
        expect(answer.error.message.length).toBeGreaterThan(0)
      }
      expect(spawns, `${channel} started a worker for ${fc.stringify(payload)}`).toBe(before)
    }
    expect(engine.busy).toBe(false)
    return valid
  }

  it('answers random shapes on every channel with validation errors only, starting nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...INVOKE_CHANNELS), anyShape, async (channel, payload) => {
        await check(channel, payload)
      }),
      { numRuns: 400, seed: 505 }
    )
  })

  it('answers near-valid payloads (one part replaced, removed or added) the same way', async () => {
    let invalid = 0
    for (const [channel, valid] of Object.entries(VALID) as [InvokeChannel, unknown][]) {
      await fc.assert(
        fc.asyncProperty(mutationOf(valid), async (payload) => {
          if (!(await check(channel, payload))) invalid++
        }),
        { numRuns: 120, seed: 505 }
      )
    }
    // Most mutations break the payload: the fuzz did exercise the rejections.
    expect(invalid).toBeGreaterThan(Object.keys(VALID).length * 60)
  })

  it('keeps the same answers for study configs as the study schema', () => {
    // The study channel validates with the study schema, whose base is the run schema.
    expect(invokeChannels['bench:study'].payload).toBe(studyConfigSchema)
    expect(invokeChannels['bench:run'].payload).toBe(runConfigSchema)
  })
})

describe('CLI argument fuzzing (parseCli)', () => {
  const flags = [
    '--range',
    '--workers',
    '--workload',
    '--backend',
    '--pool',
    '--warmup',
    '--reps',
    '--sweep-sizes',
    '--compare-backends',
    '--csv',
    '--json',
    '--markdown',
    '--html',
    '--lang',
    '--quiet',
    '--help',
    '-h',
    '--version',
    '-V',
    '--',
    '--nope',
    '-x'
  ]
  const int = fc.oneof(
    fc.integer(),
    fc.constantFrom(2 ** 53, -(2 ** 53), 2 ** 53 + 2, 0, -1, 1024, 1025)
  )
  const value = fc.oneof(
    fc.string({ maxLength: 12 }),
    int.map(String),
    fc.double().map(String),
    fc.tuple(int, int).map(([a, b]) => `${a}:${b}`),
    fc.tuple(int, int).map(([a, b]) => `${a}_000:${b}_0_0`),
    fc.array(int, { maxLength: 5 }).map((xs) => xs.join(',')),
    fc.tuple(int, int).map(([a, b]) => `${a}-${b}`),
    fc.constantFrom('split', 'replicate', 'weak', 'process', 'thread', 'warm', 'cold', '', ' '),
    // Just past 2^53: as a double it rounds to a safe-looking neighbour.
    fc.constantFrom('9007199254740993', '-9_007_199_254_740_993:0', '0:9007199254740993')
  )
  const token = fc.oneof(
    fc.constantFrom(...flags),
    value,
    fc.tuple(fc.constantFrom(...flags), value).map(([f, v]) => `${f}=${v}`)
  )

  it('never throws; lists every problem as field and reason; hands on only valid configs', () => {
    const kinds = new Map<string, number>()
    fc.assert(
      fc.property(fc.array(token, { maxLength: 10 }), (argv) => {
        const parsed = parseCli(argv, 2)
        kinds.set(parsed.kind, (kinds.get(parsed.kind) ?? 0) + 1)
        if (parsed.kind === 'invalid') {
          expect(parsed.issues.length).toBeGreaterThan(0)
          for (const issue of parsed.issues) {
            expect(typeof issue.field).toBe('string')
            expect(issue.message.length).toBeGreaterThan(0)
          }
        } else if (parsed.kind === 'run') {
          // What the CLI would hand the engine passes the engine's own validation.
          expect(runConfigSchema.safeParse(parsed.options.config).success).toBe(true)
          if (parsed.options.study)
            expect(studyConfigSchema.safeParse(parsed.options.study).success).toBe(true)
        }
      }),
      { numRuns: 3000, seed: 505 }
    )
    // The fuzz reached every outcome.
    expect([...kinds.keys()].sort()).toEqual(['help', 'invalid', 'run', 'version'])
  })
})
