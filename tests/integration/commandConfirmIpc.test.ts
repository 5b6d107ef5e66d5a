/**
 * Main runs a user's command only after its native confirmation (issue 20),
 * shown over the IPC layer as the app wires it: ipcMain's handlers
 * (registerHandlers: sender check, then the service's validation), the real
 * service, the real engine running real processes, the approvals file in a
 * data folder, and nativeConfirmCommand; only Electron's ipcMain and
 * dialog.showMessageBox are faked. The command appends to a file, so whether
 * it ran is read from the disk, not from what main answered.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEngine } from '../../src/engine'
import {
  approvalHash,
  APPROVALS_FILE,
  fileCommandApprovals
} from '../../src/main/commands/commandApprovals'
import { createHistoryStore } from '../../src/main/history/historyStore'
import type { TrustedRenderer } from '../../src/main/ipc/senderPolicy'
import { createBenchService } from '../../src/main/service/benchService'
import { API_CONTRACT } from '../../src/shared/api'
import { commandApprovalText } from '../../src/shared/command/commandSettings'
import type { RunConfig } from '../../src/shared/config'
import { createBenchApi } from '../../src/shared/createBenchApi'
import type { Result } from '../../src/shared/errors'
import { sampleRun } from '../helpers/runRecord'
import { WORKER_PATH } from '../helpers/engine'

/** Electron at its boundary: the handlers main registers, and the message box's answer. */
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  /** The button the user presses: 0 Run, 1 Cancel. */
  answer: 1,
  shown: [] as { message: string; detail: string; buttons: string[] }[]
}))
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, h: (event: unknown, payload: unknown) => Promise<unknown>) =>
      electron.handlers.set(channel, h),
    removeHandler: (channel: string) => electron.handlers.delete(channel)
  },
  dialog: {
    showMessageBox: async (...args: unknown[]) => {
      const options = args[args.length - 1] as {
        message: string
        detail: string
        buttons: string[]
      }
      electron.shown.push(options)
      return { response: electron.answer, checkboxChecked: false }
    }
  }
}))

const { registerHandlers } = await import('../../src/main/ipc/index')
const { nativeConfirmCommand } = await import('../../src/main/commands/nativeConfirm')

const APP = 'app://speedup-lab/index.html'
const trusted: TrustedRenderer = { webContentsId: 1, url: APP }
const FROM_APP = { sender: { id: 1 }, senderFrame: { url: APP, parent: null } }

const root = mkdtempSync(join(tmpdir(), 'speedup-confirm-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function app() {
  const dataDir = mkdtempSync(join(root, 'data-'))
  const workDir = mkdtempSync(join(root, 'work-'))
  const engine = createEngine({ workerPath: WORKER_PATH })
  const service = createBenchService({
    engine,
    history: createHistoryStore(dataDir),
    saveFile: async () => null,
    systemInfo: () => sampleRun().system,
    emit: () => undefined,
    confirmCommand: nativeConfirmCommand(
      () => null,
      () => 'en-US'
    ),
    commandApprovals: fileCommandApprovals(join(dataDir, APPROVALS_FILE))
  })
  electron.handlers.clear()
  registerHandlers(service, () => trusted)
  const api = createBenchApi(
    {
      invoke: (channel, payload) =>
        electron.handlers.get(channel)!(FROM_APP, payload) as Promise<Result<never>>,
      subscribe: () => () => {}
    },
    API_CONTRACT
  )
  const marker = join(workDir, 'ran.txt')
  const config: RunConfig = {
    job: 'command',
    command: {
      shape: 'copies',
      line: 'echo {index} >> ran.txt',
      shell: true,
      cwd: workDir,
      timeoutMs: 30_000,
      ignoreFailure: false
    },
    range: { start: 0, end: 1 },
    workers: [1],
    workload: 'replicate',
    backend: 'process',
    pool: 'warm',
    warmup: 0,
    reps: 1
  }
  /** Lines the command wrote: one per copy that ran. */
  const ran = (): number =>
    existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean).length : 0
  return { api, engine, config, ran, dataDir }
}

beforeEach(() => {
  electron.answer = 1
  electron.shown.length = 0
})

describe.runIf(process.platform !== 'win32')(
  'a command runs only after its native confirmation',
  () => {
    it('refuses a run the user did not confirm: nothing runs, nothing is remembered', async () => {
      const { api, engine, config, ran, dataDir } = app()
      try {
        const refused = await api.run(config)
        expect(refused.ok).toBe(false)
        expect(!refused.ok && refused.error.code).toBe('forbidden')
        // The dialog showed the exact command line, once.
        expect(electron.shown).toHaveLength(1)
        expect(
          electron.shown[0].detail.startsWith(`${commandApprovalText(config.command!)}\n`)
        ).toBe(true)
        expect(electron.shown[0].detail).toContain('echo {index} >> ran.txt')
        expect(ran()).toBe(0)
        expect(existsSync(join(dataDir, APPROVALS_FILE))).toBe(false)
        // Asking again, or through the long-run channel, asks again and is refused again.
        const again = await api.runConfirmed(config)
        expect(!again.ok && again.error.code).toBe('forbidden')
        expect(electron.shown).toHaveLength(2)
        expect(ran()).toBe(0)
      } finally {
        await engine.dispose()
      }
    })

    it('refuses a study of a command the user did not confirm', async () => {
      const { api, engine, config, ran } = app()
      try {
        // A command's study is a sweep of {size} (a line without it is refused before asking).
        const refused = await api.runStudy({
          base: {
            ...config,
            workers: [1, 2],
            command: { ...config.command!, line: 'echo {index} {size} >> ran.txt', size: 1 }
          },
          sizes: [1, 2]
        })
        expect(!refused.ok && refused.error.code).toBe('forbidden')
        expect(electron.shown).toHaveLength(1)
        expect(ran()).toBe(0)
      } finally {
        await engine.dispose()
      }
    })

    it('runs it once confirmed, remembers its hash in the data folder, and does not ask again', async () => {
      const { api, engine, config, ran, dataDir } = app()
      try {
        electron.answer = 0
        const first = await api.run(config)
        expect(first.ok).toBe(true)
        expect(electron.shown).toHaveLength(1)
        expect(ran()).toBe(1)
        const saved = JSON.parse(readFileSync(join(dataDir, APPROVALS_FILE), 'utf8')) as {
          approved: string[]
        }
        expect(saved.approved).toEqual([approvalHash(commandApprovalText(config.command!))])

        // The second time: no dialog (even one that would now say Cancel), and it runs.
        electron.answer = 1
        const second = await api.run(config)
        expect(second.ok).toBe(true)
        expect(electron.shown).toHaveLength(1)
        expect(ran()).toBe(2)

        // Another command (here: another folder) is another approval: asked, and refused.
        const elsewhere = await api.run({
          ...config,
          command: { ...config.command!, line: 'echo other {index} >> ran.txt' }
        })
        expect(!elsewhere.ok && elsewhere.error.code).toBe('forbidden')
        expect(electron.shown).toHaveLength(2)
        expect(ran()).toBe(2)
      } finally {
        await engine.dispose()
      }
    })

    it('a copy failing on its 3rd repetition, or hanging past the timeout, fails by name; the history is intact', async () => {
      const { api, engine, config, dataDir } = app()
      electron.answer = 0
      try {
        expect((await api.run(config)).ok).toBe(true)
        const third = await api.run({
          ...config,
          reps: 4,
          command: {
            ...config.command!,
            line: 'if [ {rep} -eq 3 ]; then echo "disk full" >&2; exit 4; fi'
          }
        })
        expect(third.ok).toBe(false)
        if (!third.ok) {
          expect(third.error.message).toMatch(/copy 1 of 1 \(pid \d+\) exited with code 4/)
          expect(third.error.message).toContain('disk full')
        }
        const hung = await api.run({
          ...config,
          command: { ...config.command!, line: 'sleep 33.3331', timeoutMs: 300 }
        })
        expect(hung.ok).toBe(false)
        if (!hung.ok) expect(hung.error.message).toMatch(/ran past the timeout \(300 ms\)/)
        // The failed runs are not stored; the one before them is, whole and readable.
        const history = createHistoryStore(dataDir)
        const listing = await history.list()
        expect(listing.damaged).toEqual([])
        expect(listing.runs).toHaveLength(1)
        expect((await history.get(listing.runs[0].id))?.config.command?.line).toBe(
          config.command!.line
        )
      } finally {
        await engine.dispose()
      }
    })

    it('a restarted app reads the approval from the data folder', async () => {
      const first = app()
      electron.answer = 0
      try {
        expect((await first.api.run(first.config)).ok).toBe(true)
      } finally {
        await first.engine.dispose()
      }
      // A new service over the same data folder: the same command is not asked again.
      electron.answer = 1
      electron.shown.length = 0
      const engine = createEngine({ workerPath: WORKER_PATH })
      const service = createBenchService({
        engine,
        history: createHistoryStore(first.dataDir),
        saveFile: async () => null,
        systemInfo: () => sampleRun().system,
        emit: () => undefined,
        confirmCommand: nativeConfirmCommand(
          () => null,
          () => 'en-US'
        ),
        commandApprovals: fileCommandApprovals(join(first.dataDir, APPROVALS_FILE))
      })
      try {
        const result = await service.handle('bench:run', first.config)
        expect(result.ok).toBe(true)
        expect(electron.shown).toHaveLength(0)
        expect(first.ran()).toBe(2)
      } finally {
        await engine.dispose()
      }
    })
  }
)
