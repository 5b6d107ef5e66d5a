import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu, protocol, screen, session, shell } from 'electron'
import type { MessageBoxOptions, OpenDialogOptions } from 'electron'
import { collectSystemInfo, createEngine, createMemoryProbe } from '../engine'
import { utilityProcessBackend } from './backends/utilityProcess'
import { APPROVALS_FILE, fileCommandApprovals } from './commands/commandApprovals'
import { confirmCommandDialog } from './commands/confirmCommandText'
import { asarUnpackedPath } from './fs/asarUnpackedPath'
import { createHistoryStore } from './history/historyStore'
import { registerHandlers, send } from './ipc'
import { isAppUrl } from './ipc/senderPolicy'
import type { TrustedRenderer } from './ipc/senderPolicy'
import { appMenuTemplate, menuLabels } from './menu/appMenu'
import { createBenchService } from './service/benchService'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appResponse } from './window/appProtocol'
import { securePreferences } from './window/securePreferences'
import { fitToScreens, loadWindowState, saveWindowState } from './window/windowState'
import type { WindowState } from './window/windowState'

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

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererRoot, request.url))
  const userData = app.getPath('userData')
  const statePath = join(userData, 'window-state.json')
  const workerPath = asarUnpackedPath(join(__dirname, 'worker.js'))
  const engine = createEngine({
    workerPath,
    processBackend: utilityProcessBackend,
    systemExtra,
    log
  })
  const service = createBenchService({
    engine,
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
    confirmCommand: async (text) => {
      const words = confirmCommandDialog(app.getLocale(), text)
      const options: MessageBoxOptions = {
        type: 'warning',
        title: words.title,
        message: words.message,
        detail: words.detail,
        buttons: words.buttons,
        defaultId: 1,
        cancelId: 1,
        noLink: true
      }
      const answer = mainWindow
        ? await dialog.showMessageBox(mainWindow, options)
        : await dialog.showMessageBox(options)
      return answer.response === 0
    },
    commandApprovals: fileCommandApprovals(join(userData, APPROVALS_FILE))
  })
  registerHandlers(service, () => trusted)

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
  await openWindow(statePath, {
    cancel: async () => {
      const result = await service.handle('bench:cancel', undefined)
      return result.ok && result.value.cancelled
    }
  })

  // Quitting waits for every worker to be stopped.
  let disposed = false
  app.on('before-quit', (event) => {
    if (disposed) return
    event.preventDefault()
    disposed = true
    // A study first (it would start its next step on a disposed engine), then the engine.
    void service
      .handle('bench:cancel', undefined)
      .then(() => engine.dispose())
      .finally(() => app.quit())
  })
  app.on('window-all-closed', () => app.quit())
}

async function openWindow(statePath: string, work: { cancel(): Promise<boolean> }): Promise<void> {
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
    backgroundColor: '#ffffff',
    webPreferences: securePreferences(join(__dirname, '../preload/index.js'), {
      devTools: !app.isPackaged
    })
  })
  mainWindow = window
  trusted = { webContentsId: window.webContents.id, url: rendererUrl }
  if (saved.maximized) window.maximize()

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

  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    // Remember where the window was, and stop whatever runs: nobody is left to see it.
    const bounds = window.getNormalBounds()
    const state: WindowState = { ...bounds, maximized: window.isMaximized() }
    void saveWindowState(statePath, state).catch((e: unknown) => log(`window state: ${String(e)}`))
    void work.cancel()
  })
  window.on('closed', () => {
    mainWindow = null
    trusted = null
  })

  await window.loadURL(rendererUrl)
}
