/**
 * Compatibility barrel: `src/shared/scaling` was split into `../stats` (pure
 * math) and `../analysis` (the domain). Import from those; this file only
 * keeps imports written before the split working.
 */
export * from '../stats'
export * from '../analysis'
