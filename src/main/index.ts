import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell
} from 'electron'
import type { OpenDialogOptions } from 'electron'
import { collectSystemInfo, createEngine, createMemoryProbe } from '../engine'
import { clusterKeyFrom } from '../engine/backends/cluster/clusterKey'
import { bundledFontSource } from '../engine/reportFonts'
import { utilityProcessBackend } from './backends/utilityProcess'
import { APPROVALS_FILE, fileCommandApprovals } from './commands/commandApprovals'
import { nativeConfirmCommand } from './commands/nativeConfirm'
import { asarUnpackedPath } from './fs/asarUnpackedPath'
import { createHistoryStore } from './history/historyStore'
import { appWindowCpuMs } from './window/windowCpuMs'
import { registerHandlers, send } from './ipc'
import { isAppUrl } from './ipc/senderPolicy'
import type { TrustedRenderer } from './ipc/senderPolicy'
import { appMenuTemplate, menuLabels } from './menu/appMenu'
import { createQuitChain } from './lifecycle/quitChain'
import { createBenchService } from './service/benchService'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appResponse } from './window/appProtocol'
import { crashPrompt, onRendererGone } from './window/rendererGone'
import { securePreferences } from './window/securePreferences'
import { showWhenReady, windowBackground } from './window/showWhenReady'
import { fitToScreens, loadWindowState, saveWindowState } from './window/windowState'
import { createWindowStateSaver } from './window/windowStateSaver'

/*
 * The Electron shell: one secure window, the IPC handlers and the engine's
 * lifetime. Everything it wires together is plain Node and tested without
 * Electron; this file only connects them.
 */

// Tests (and careful users) may keep the app's data elsewhere.
if (process.env.SPEEDUP_LAB_USER_DATA) app.setPath('userData', process.env.SPEEDUP_LAB_USER_DATA)

const log = (line: string): void => console.log(`[speedup-lab] ${line}`)

/** The built renderer, served as app://speedup-lab/… (never as file://). */
const rendererRoot = join(__dirname, '../renderer')
/** The page the window shows: the dev server in `npm run dev`, else the built page. */
const rendererUrl =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : APP_URL

// A standard, secure scheme must be declared before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

const systemExtra = {
  appVersion: app.getVersion(),
  electronVersion: process.versions.electron,
  chromeVersion: process.versions.chrome
}

let mainWindow: BrowserWindow | null = null
let trusted: TrustedRenderer | null = null
/** Set by start() as they come to exist; the quit chain stops whichever there are. */
let service: ReturnType<typeof createBenchService> | null = null
let engine: ReturnType<typeof createEngine> | null = null
let quitting = false

const statePath = join(app.getPath('userData'), 'window-state.json')
const stateSaver = createWindowStateSaver((state) => saveWindowState(statePath, state), log)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Quitting is wired first, before anything that can fail (a page that does not load):
  // save the window's place, stop a study (it would start its next step on a disposed
  // engine) and the run, stop every worker — then quit, within 3 s whatever hangs.
  app.on('before-quit', () => {
    quitting = true
  })
  app.on(
    'before-quit',
    createQuitChain({
      steps: [
        [
          'save the window state',
          () => (mainWindow ? stateSaver.save(mainWindow) : stateSaver.flush())
        ],
        ['cancel the run', async () => service?.handle('bench:cancel', undefined)],
        ['stop the workers', async () => engine?.dispose()]
      ],
      quit: () => app.quit(),
      exit: () => app.exit(0),
      log
    })
  )
  app.on('window-all-closed', () => app.quit())
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  void app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      log(`start failed: ${String(e)}`)
      dialog.showErrorBox(
        'Speedup Lab',
        crashPrompt(app.getLocale()).startFailed.replace('{error}', String(e))
      )
      app.quit()
    })
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererRoot, request.url))
  const userData = app.getPath('userData')
  const workerPath = asarUnpackedPath(join(__dirname, 'worker.js'))
  // The cluster key for the app: the file SPEEDUP_LAB_CLUSTER_KEY_FILE names (as for the CLI).
  const clusterKey = clusterKeyFrom(undefined)
  if (!clusterKey.ok) log(`cluster key not used: ${clusterKey.message}`)
  engine = createEngine({
    workerPath,
    processBackend: utilityProcessBackend,
    systemExtra,
    log,
    appCpuMs: appWindowCpuMs,
    cluster: { key: clusterKey.ok ? clusterKey.key : null }
  })
  const running = engine
  service = createBenchService({
    engine: running,
    measureMemory: createMemoryProbe({ workerPath, processBackend: utilityProcessBackend, log }),
    history: createHistoryStore(userData),
    systemInfo: () => collectSystemInfo(systemExtra),
    emit: (channel, payload) => send(mainWindow, channel, payload),
    saveFile: async (options) => {
      const answer = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options)
      return answer.canceled || !answer.filePath ? null : answer.filePath
    },
    showItemInFolder: (path) => shell.showItemInFolder(path),
    chooseFolder: async () => {
      const options: OpenDialogOptions = { properties: ['openDirectory'] }
      const answer = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options)
      return answer.canceled || !answer.filePaths[0] ? null : answer.filePaths[0]
    },
    // A user's command runs only once they confirmed its exact text here, in main.
    confirmCommand: nativeConfirmCommand(
      () => mainWindow,
      () => app.getLocale()
    ),
    commandApprovals: fileCommandApprovals(join(userData, APPROVALS_FILE)),
    reportFonts: bundledFontSource(rendererRoot)
  })
  const bench = service
  registerHandlers(bench, () => trusted)

  // Nothing the page asks for (camera, notifications, …) is granted.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, grant) =>
    grant(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        (command) => send(mainWindow, 'app:menu', command),
        process.platform,
        menuLabels(app.getLocale()),
        { packaged: app.isPackaged }
      )
    )
  )

  // Closing the window stops a study as well as a run: nobody is left to see either.
  await openWindow({
    cancel: async () => {
      const result = await bench.handle('bench:cancel', undefined)
      return result.ok && result.value.cancelled
    }
  })
}

async function openWindow(work: { cancel(): Promise<boolean> }): Promise<void> {
  const saved = fitToScreens(
    await loadWindowState(statePath),
    screen.getAllDisplays().map((d) => d.workArea)
  )
  const window = new BrowserWindow({
    ...saved,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'Speedup Lab',
    // The page's own background until it paints: no white flash in dark mode.
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    webPreferences: securePreferences(join(__dirname, '../preload/index.js'), {
      devTools: !app.isPackaged
    })
  })
  mainWindow = window
  trusted = { webContentsId: window.webContents.id, url: rendererUrl }
  showWhenReady(window, { maximized: saved.maximized })

  const contents = window.webContents
  // The window shows the app's page and nothing else: no navigation, no new windows, no webviews.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())

  // A crashed page would leave a blank window while the run goes on behind it.
  const rendererGone = onRendererGone({
    prompt: crashPrompt(app.getLocale()),
    cancelRun: () => work.cancel(),
    ask: async (prompt) =>
      (
        await dialog.showMessageBox(window, {
          type: 'error',
          ...prompt,
          defaultId: 0,
          cancelId: 1,
          noLink: true
        })
      ).response,
    reload: () => contents.reload(),
    quit: () => app.quit(),
    log
  })
  contents.on('render-process-gone', (_event, details) => void rendererGone(details))

  window.on('close', () => {
    // Remember where the window was (when quitting, the quit chain already saved it
    // and awaits the write), and stop whatever runs: nobody is left to see it.
    if (!quitting) void stateSaver.save(window)
    void work.cancel()
  })
  window.on('closed', () => {
    mainWindow = null
    trusted = null
  })

  await window.loadURL(rendererUrl)
}
