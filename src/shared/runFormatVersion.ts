/**
 * The run JSON format's version: 3 since issue 17 (`config.job` names the
 * workload, each result says what was `check`ed); files of versions 1 and 2
 * are migrated on read (`parseRunEnvelope`, `migrateRunRecord`).
 */
export const RUN_FORMAT_VERSION = 3
