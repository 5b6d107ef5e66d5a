/**
 * Why a finished run could not be saved to history. The renderer words each
 * in the user's language; the run itself stays on screen for export.
 */
export const SAVE_FAILURES = ['disk-full', 'too-large', 'io'] as const
export type SaveFailure = (typeof SAVE_FAILURES)[number]

/**
 * The longest history line (one run record) the store writes or reads back.
 * A longer line on disk is set aside unread, in time linear in its length.
 */
export const MAX_HISTORY_LINE_BYTES = 16 * 1024 * 1024
