const formats = new Map<string, Intl.DateTimeFormat>()

function format(locale: string, short: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${short}`
  let known = formats.get(key)
  if (!known) {
    known = new Intl.DateTimeFormat(locale, {
      ...(short ? { month: 'numeric', day: 'numeric' } : { dateStyle: 'medium' as const }),
      // Seconds: two runs a minute apart must not read the same.
      ...(short
        ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' as const }
        : { timeStyle: 'medium' as const })
    })
    formats.set(key, known)
  }
  return known
}

/** "Dec 7, 2026, 1:23:45 AM": a history row's date, to the second. */
export function rowDateTime(iso: string, locale: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : format(locale, false).format(date)
}

/**
 * "12/2, 14:11:05" / "12. 2. 14:11:05": a run's date where a row has little
 * room (numbers and a 24-hour clock fit the narrow History column whole in
 * both languages; the full date stays in the row's title and accessible name).
 */
export function shortDateTime(iso: string, locale: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : format(locale, true).format(date)
}

const tickFormats = new Map<string, [Intl.DateTimeFormat, Intl.DateTimeFormat]>()

/**
 * ["Dec 2", "14:11:05"]: a run's date on a graph axis, on two lines (a tick
 * has the width of one run), to the second as the rows have it.
 */
export function dateTimeLines(iso: string, locale: string): [string, string] {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return [iso, '']
  let known = tickFormats.get(locale)
  if (!known) {
    known = [
      new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }),
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23'
      })
    ]
    tickFormats.set(locale, known)
  }
  return [known[0].format(date), known[1].format(date)]
}
