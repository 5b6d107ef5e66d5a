/** The languages every report and finding is worded in (the app's languages too). */
export const REPORT_LANGUAGES = ['en', 'ko'] as const
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number]

/** The Intl locale a language's numbers are written in. */
export const REPORT_LOCALES: Record<ReportLanguage, string> = { en: 'en-US', ko: 'ko-KR' }

export function isReportLanguage(value: unknown): value is ReportLanguage {
  return typeof value === 'string' && (REPORT_LANGUAGES as readonly string[]).includes(value)
}
