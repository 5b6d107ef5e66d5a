import { describe, expect, it } from 'vitest'
import { asarUnpackedPath } from '../../src/main/fs/asarUnpackedPath'

describe('asarUnpackedPath', () => {
  it.each([
    [
      '/opt/Speedup Lab/resources/app.asar/out/main/worker.js',
      '/opt/Speedup Lab/resources/app.asar.unpacked/out/main/worker.js'
    ],
    [
      'C:\\Program Files\\Speedup Lab\\resources\\app.asar\\out\\main\\worker.js',
      'C:\\Program Files\\Speedup Lab\\resources\\app.asar.unpacked\\out\\main\\worker.js'
    ],
    [
      '/opt/x/resources/app.asar.unpacked/out/main/worker.js',
      '/opt/x/resources/app.asar.unpacked/out/main/worker.js'
    ],
    ['/home/user/speedup-lab/out/main/worker.js', '/home/user/speedup-lab/out/main/worker.js'],
    ['/home/me/my-app.asar/out/worker.js', '/home/me/my-app.asar/out/worker.js']
  ])('%s → %s', (path, expected) => expect(asarUnpackedPath(path)).toBe(expected))
})
