/** The machine a run was measured on. */
export interface SystemInfo {
  cpuModel: string
  logicalCores: number
  availableParallelism: number
  /** Physical cores (hyperthreads counted once) from the OS's CPU topology; absent where unknown. */
  physicalCores?: number
  totalMemoryBytes: number
  os: string
  arch: string
  nodeVersion: string
  /** Present in the desktop app. */
  appVersion?: string
  electronVersion?: string
  chromeVersion?: string
  /** Cluster runs: the server (without credentials) and the agents that took part. */
  cluster?: ClusterSystem
}

export interface ClusterSystem {
  server: string
  agents: {
    host: string
    name: string
    cores: number
    node: string
    kind: 'process' | 'thread'
    workers: number
    /** Median round trip of an empty request, and agent clock − controller clock (ms). */
    rttMs: number
    clockOffsetMs: number
  }[]
}
