/** The machine a run was measured on. */
export interface SystemInfo {
  cpuModel: string
  logicalCores: number
  availableParallelism: number
  totalMemoryBytes: number
  os: string
  arch: string
  nodeVersion: string
  /** Present in the desktop app. */
  appVersion?: string
  electronVersion?: string
  chromeVersion?: string
}
