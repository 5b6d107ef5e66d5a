/**
 * The report layer: the analysis's codes and numbers put into words (one
 * catalog per language), tables (one model, rendered as text, Markdown and
 * HTML) and the exporters of every format behind one registry.
 */
export * from './findings'
export * from './language'
export { FINDING_CATALOGS } from './catalog'
export type { FindingCatalog } from './catalog'
export { groupDigits } from './groupDigits'
