/**
 * The same file in app.asar.unpacked. worker_threads cannot load a script
 * from inside app.asar, so the packaged app ships the worker bundle unpacked
 * (electron-builder.yml asarUnpack) and both backends start it from there.
 * Paths outside an asar archive (development, tests) are returned as they are.
 */
export function asarUnpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked')
}
