const formats = new Map<string, Intl.DateTimeFormat>()

/** "Dec 2, 02:11 AM" / "12월 2일 오전 02:11": a run's date where a row has little room. */
export function shortDateTime(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  let format = formats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit'
    })
    formats.set(locale, format)
  }
  return format.format(date)
}
