import { z } from 'zod'

/**
 * A field that must be one of a fixed list, and the message that names the list
 * when it is not ("a format must be one of markdown, csv, json").
 */
export const oneOf = <const T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { error: `${what} must be one of ${values.join(', ')}` })
