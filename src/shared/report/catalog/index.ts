import type { ReportLanguage } from '../language'
import { en } from './en'
import { ko } from './ko'
import type { FindingCatalog } from './types'

/** One catalog per language, keyed by finding code. */
export const FINDING_CATALOGS: Record<ReportLanguage, FindingCatalog> = { en, ko }

export type { FindingCatalog, BreakEvenStatus, StudyFindingCode } from './types'
export { BACKEND_KO, POOL_KO } from './ko'
