import { tutorialRunConfig } from '../../src/shared/config'
import type { InvokeChannel, InvokeInput } from '../../src/shared/ipc'

/**
 * One valid payload per channel of the IPC contract (typed by it: a new
 * channel does not compile until it has one). The sender/payload matrix
 * (tests/unit/ipc.test.ts), the preload test and the fuzz test all use it.
 */
export const VALID_PAYLOADS: { [C in InvokeChannel]: InvokeInput<C> } = {
  'bench:run': tutorialRunConfig(),
  'bench:run-confirmed': tutorialRunConfig(),
  'bench:study': { base: tutorialRunConfig(), sizes: [1000, 10_000] },
  'bench:cancel': undefined,
  'history:list': undefined,
  'history:page': { offset: 0, limit: 100 },
  'history:series': { key: null },
  'history:get': { id: 'run-1' },
  'history:delete': { ids: ['run-1'] },
  'history:clear': undefined,
  'export:csv': { ids: ['run-1'] },
  'export:json': { ids: ['run-1'] },
  'export:markdown': { ids: ['run-1'] },
  'export:html': { ids: ['run-1'], language: 'ko' },
  'export:study': { id: 'study-1', format: 'markdown' },
  'export:comparison': { baselineId: 'run-1', candidateId: 'run-2', format: 'csv' },
  'export:png': { name: 'chart', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
  'system:info': undefined,
  'dialog:choose-folder': undefined,
  'shell:show-in-folder': { path: '/tmp/speedup-lab.csv' },
  'cluster:probe': { server: 'nats://lab:pw@127.0.0.1:4222' }
}

/** Shapes no channel accepts whatever its schema (each is checked against it, then refused). */
export const MALFORMED_PAYLOADS: unknown[] = [42, 'x', [], { extra: true }, null, undefined]

/** Payloads each channel must refuse, besides the malformed ones: the edges of its schema. */
export const BAD_PAYLOADS: { [C in InvokeChannel]: unknown[] } = {
  'bench:run': [
    {},
    { ...tutorialRunConfig(), range: { start: 10, end: 1 } },
    { ...tutorialRunConfig(), range: { start: 0, end: 2 ** 53 } },
    { ...tutorialRunConfig(), workers: [] },
    { ...tutorialRunConfig(), workers: [0] },
    { ...tutorialRunConfig(), workers: [1.5] },
    // Issue 12: a warm pool of 1,024 processes would ask for ~46 GB.
    { ...tutorialRunConfig(), workers: [1024, 2048] },
    { ...tutorialRunConfig(), workers: [1, 999] },
    { ...tutorialRunConfig(), reps: 1000 },
    { ...tutorialRunConfig(), workload: 'both' },
    { ...tutorialRunConfig(), backend: 'gpu' },
    { ...tutorialRunConfig(), reps: 1e9 },
    { ...tutorialRunConfig(), __proto__: { polluted: true }, constructor: 1 }
  ],
  'bench:run-confirmed': [{}, { ...tutorialRunConfig(), workers: [1024] }],
  'bench:study': [
    {},
    tutorialRunConfig(),
    // Neither a size sweep nor a backend comparison: nothing to study.
    { base: tutorialRunConfig() },
    { base: tutorialRunConfig(), sizes: [] },
    { base: tutorialRunConfig(), sizes: [0] },
    { base: tutorialRunConfig(), sizes: [1.5] },
    { base: tutorialRunConfig(), sizes: [1000, 1000] },
    { base: tutorialRunConfig(), sizes: Array.from({ length: 41 }, (_, i) => i + 1) },
    { base: tutorialRunConfig(), sizes: [2 ** 53] },
    // A size sweep compares 1 worker with N ≥ 2.
    { base: { ...tutorialRunConfig(), workers: [1] }, sizes: [1000] },
    { base: tutorialRunConfig(), backends: [] },
    { base: tutorialRunConfig(), backends: ['gpu'] },
    { base: tutorialRunConfig(), backends: ['thread', 'thread'] },
    { base: { ...tutorialRunConfig(), reps: 0 }, backends: ['thread'] },
    { base: tutorialRunConfig(), sizes: [1000], extra: true }
  ],
  'bench:cancel': [{}, 1, 'now'],
  'cluster:probe': [
    {},
    { server: 7 },
    { server: 'http://127.0.0.1:4222' },
    { server: 'nats://h:4222/x' },
    { server: 'nats://h:4222', path: '/etc' }
  ],
  'history:list': [{ all: true }, []],
  'history:get': [{}, { id: '' }, { id: 7 }, { id: 'x'.repeat(101) }, { id: 'a', b: 1 }],
  'history:page': [
    {},
    { offset: -1, limit: 10 },
    { offset: 0.5, limit: 10 },
    { offset: 2 ** 53, limit: 10 },
    { offset: '0', limit: 10 },
    { offset: 0, limit: 0 },
    { offset: 0, limit: 501 },
    { offset: 0, limit: Infinity },
    { offset: 0, limit: NaN },
    { offset: 0, limit: 10, key: '' },
    { offset: 0, limit: 10, key: 'x'.repeat(201) },
    { offset: 0, limit: 10, sort: 'oldest' }
  ],
  'history:series': [{}, { key: 7 }, { key: '' }, { key: null, points: 1e9 }],
  'history:delete': [
    { ids: [] },
    { ids: 'run-1' },
    { ids: [1] },
    ['run-1'],
    { ids: { all: false, except: [] } },
    { ids: { all: true } },
    { ids: { all: true, except: [''] } },
    { ids: { all: true, except: [], path: '/etc' } }
  ],
  'history:clear': [{ confirm: true }],
  'export:csv': [{ ids: [] }, { ids: [''] }],
  'export:json': [{ ids: null }, { id: 'run-1' }],
  'export:markdown': [{ ids: [] }, { ids: [7] }, ['run-1']],
  'export:html': [
    { ids: ['run-1'] },
    { ids: ['run-1'], language: 'fr' },
    { ids: [], language: 'en' }
  ],
  'export:study': [
    { id: 'study-1' },
    { id: '', format: 'csv' },
    { id: 'study-1', format: 'pdf' },
    { id: 'study-1', format: 'csv', path: '/etc/passwd' },
    { ids: ['study-1'], format: 'json' }
  ],
  'export:comparison': [
    { baselineId: 'run-1', candidateId: 'run-2' },
    { baselineId: '', candidateId: 'run-2', format: 'csv' },
    { baselineId: 'run-1', candidateId: 7, format: 'csv' },
    { baselineId: 'run-1', candidateId: 'run-2', format: 'pdf' },
    { baselineId: 'run-1', candidateId: 'run-2', format: 'csv', path: '/etc/passwd' },
    { ids: ['run-1', 'run-2'], format: 'json' }
  ],
  'export:png': [
    { name: 'chart', dataUrl: 'data:image/jpeg;base64,AAAA' },
    { name: 'chart', dataUrl: 'javascript:alert(1)' },
    { name: '../../.bashrc', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
    { name: '', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
    { name: 'chart' }
  ],
  'system:info': [{ secret: true }, 0],
  'dialog:choose-folder': [{ path: '/etc' }, 'x'],
  'shell:show-in-folder': [
    {},
    { path: '' },
    { path: 7 },
    { path: 'x'.repeat(4097) },
    { path: '/tmp/a.csv', open: true },
    '/tmp/a.csv'
  ]
}
