import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import type { Configuration } from 'electron-builder'
import { load } from 'js-yaml'

export const ROOT = resolve(__dirname, '../..')
export const BUILDER_CONFIG = join(ROOT, 'electron-builder.yml')

/** electron-builder.yml, parsed by the YAML library electron-builder itself uses. */
export function loadBuilderConfig(): Configuration {
  return load(readFileSync(BUILDER_CONFIG, 'utf8')) as Configuration
}

/**
 * electron-builder's own check of a configuration against its JSON schema
 * (what `electron-builder` runs before it builds). Resolved through
 * electron-builder so it is the copy the dist scripts use.
 */
export async function validateWithElectronBuilder(config: Configuration): Promise<void> {
  const requireFromBuilder = createRequire(require.resolve('electron-builder'))
  const { validateConfiguration } = requireFromBuilder(
    'app-builder-lib/out/util/config/config'
  ) as {
    validateConfiguration(
      config: Configuration,
      debug: { isEnabled: boolean; add(k: string, v: unknown): void }
    ): Promise<void>
  }
  await validateConfiguration(structuredClone(config), { isEnabled: false, add: () => undefined })
}

/** Width, height and colour type from a PNG's IHDR chunk. */
export function pngInfo(file: string): { width: number; height: number; colourType: number } {
  const bytes = readFileSync(file)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`)
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${file} has no IHDR first`)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] }
}

/** The folders of every production dependency (what electron-builder copies into the app). */
export function productionPackageDirs(): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  })
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && resolve(l) !== ROOT)
}
