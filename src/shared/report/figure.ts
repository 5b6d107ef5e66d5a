/** JSON and CSV have no NaN or Infinity: a figure that is not finite is null (an empty cell). */
export const figure = (x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : null
