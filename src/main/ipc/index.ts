import { ipcMain } from 'electron'
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNELS } from '../../shared/ipc'
import type { EventChannel, EventPayloads, InvokeChannel, InvokeResult } from '../../shared/ipc'
import type { BenchService } from '../service/benchService'
import { guardedInvoke } from './senderPolicy'
import type { SenderFacts, TrustedRenderer } from './senderPolicy'

/** The only place main touches ipcMain: every channel from the shared contract. */

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isTopFrame: frame !== null && frame.parent === null
  }
}

/** Registers one channel: the sender is checked, then the service validates and answers. */
export function addHandler<C extends InvokeChannel>(
  channel: C,
  service: BenchService,
  trusted: () => TrustedRenderer | null
): void {
  ipcMain.handle(channel, (event, payload: unknown): Promise<InvokeResult<C>> =>
    guardedInvoke(service, trusted(), senderFacts(event), channel, payload)
  )
}

/** Registers every invoke channel; returns what removes them again. */
export function registerHandlers(
  service: BenchService,
  trusted: () => TrustedRenderer | null
): () => void {
  for (const channel of INVOKE_CHANNELS) addHandler(channel, service, trusted)
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel)
  }
}

/** Sends a main → renderer event to the window, if it is still there. */
export function send<E extends EventChannel>(
  window: BrowserWindow | null,
  channel: E,
  payload: EventPayloads[E]
): void {
  if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
    window.webContents.send(channel, payload)
  }
}
