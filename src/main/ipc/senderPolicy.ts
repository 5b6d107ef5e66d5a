import { fail } from '../../shared/errors'
import type { InvokeChannel, InvokeResult } from '../../shared/ipc'
import type { BenchService } from '../service/benchService'

/** What main knows about who sent an IPC message (from event.sender / event.senderFrame). */
export interface SenderFacts {
  /** The sending WebContents' id. */
  webContentsId: number
  /** The sending frame's URL; null when the frame is gone (navigated, destroyed). */
  frameUrl: string | null
  /** True for the window's top frame, false for an iframe. */
  isTopFrame: boolean
}

/** The one renderer the app trusts: its main window, showing the app's own page. */
export interface TrustedRenderer {
  webContentsId: number
  /** app://speedup-lab/index.html, or the dev server's URL in `npm run dev`. */
  url: string
}

const parse = (url: string): URL | null => {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when `url` is the app's own page: the same page (for app:// and
 * file://, any query or hash), or the same origin (the dev server over http).
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const got = parse(url)
  const want = parse(appUrl)
  if (!got || !want || got.protocol !== want.protocol) return false
  if (want.protocol === 'file:' || want.protocol === 'app:')
    return got.host === want.host && got.pathname === want.pathname
  if (want.protocol === 'http:' || want.protocol === 'https:') return got.origin === want.origin
  return false
}

/** Whether a message comes from the app's main window top frame, showing the app's page. */
export function isTrustedSender(sender: SenderFacts, trusted: TrustedRenderer | null): boolean {
  return (
    trusted !== null &&
    sender.webContentsId === trusted.webContentsId &&
    sender.isTopFrame &&
    sender.frameUrl !== null &&
    isAppUrl(sender.frameUrl, trusted.url)
  )
}

/**
 * What every invoke handler does: refuse a foreign sender (an iframe, another
 * window, a page navigated elsewhere) before anything is parsed, then let the
 * service validate the payload and answer. Never throws.
 */
export async function guardedInvoke<C extends InvokeChannel>(
  service: BenchService,
  trusted: TrustedRenderer | null,
  sender: SenderFacts,
  channel: C,
  payload: unknown
): Promise<InvokeResult<C>> {
  if (!isTrustedSender(sender, trusted)) {
    return fail({
      code: 'forbidden',
      message: `Refused ${channel}: it did not come from the Speedup Lab window.`
    })
  }
  return service.handle(channel, payload)
}
