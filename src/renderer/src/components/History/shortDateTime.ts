const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * "12/2, 14:11" / "12. 2. 14:11": a run's date where a row has little room
 * (numbers and a 24-hour clock fit the narrow History column whole in both
 * languages; the full date stays in the row's title and accessible name).
 */
export function shortDateTime(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  let format = formats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    })
    formats.set(locale, format)
  }
  return format.format(date)
}
