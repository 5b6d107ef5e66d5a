/**
 * What is wrong with an input, as a code and its numbers, so each front end
 * words it in its own language (the CLI in English from the message; the
 * renderer in English or Korean from the code). Derived from zod's own issue
 * codes, not from message text; custom refinements name theirs in `params`.
 */
import type { z } from 'zod'

export type IssueCode =
  | 'required'
  | 'not-a-number'
  | 'not-a-number-or-auto'
  | 'not-integer'
  | 'not-safe-integer'
  | 'not-a-list'
  | 'not-an-object'
  | 'too-small'
  | 'too-big'
  | 'too-few'
  | 'too-many'
  | 'one-of'
  | 'unknown-fields'
  | 'range-empty'
  | 'weak-unsafe'
  | 'server-required'
  | 'server-invalid'
  | 'study-server-required'
  | 'study-empty'
  | 'not-distinct'
  | 'sweep-needs-two'
  | 'size-unsafe'
  | 'not-a-size'
  | 'not-a-span'
  | 'span-upwards'
  | 'no-sizes'
  | 'kernel-unsupported'
  /** The command workload (src/shared/command/). */
  | 'command-empty'
  | 'command-too-long'
  | 'command-nul'
  | 'command-needs-shell'
  | 'command-unclosed-quote'
  | 'command-trailing-backslash'
  | 'placeholder-unknown'
  | 'size-unused'
  | 'program-not-found'
  | 'cwd-missing'
  | 'command-local-only'
  | 'command-study-sizes-only'
  | 'invalid'

export interface CodedIssue {
  code: IssueCode
  params: Record<string, number | string>
}

/** The value at `path` in `input`, or undefined when any step is missing. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

const CUSTOM_CODES = new Set<string>([
  'not-integer',
  'not-safe-integer',
  'too-small',
  'range-empty',
  'weak-unsafe',
  'server-required',
  'server-invalid',
  'study-server-required',
  'study-empty',
  'not-distinct',
  'sweep-needs-two',
  'size-unsafe',
  'no-sizes',
  'command-empty',
  'command-too-long',
  'command-nul',
  'command-needs-shell',
  'command-unclosed-quote',
  'command-trailing-backslash',
  'placeholder-unknown',
  'size-unused',
  'program-not-found',
  'cwd-missing',
  'command-local-only',
  'command-study-sizes-only'
])

/** One zod issue as a code with its numbers; `input` tells "required" from "wrong type". */
export function codeOf(issue: z.core.$ZodIssue, input: unknown): CodedIssue {
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return { code: 'required', params: {} }
      if (issue.expected === 'int') return { code: 'not-integer', params: {} }
      if (issue.expected === 'array') return { code: 'not-a-list', params: {} }
      if (issue.expected === 'object') return { code: 'not-an-object', params: {} }
      return { code: 'not-a-number', params: {} }
    }
    case 'too_small':
      return issue.origin === 'array'
        ? { code: 'too-few', params: { min: Number(issue.minimum) } }
        : { code: 'too-small', params: { min: Number(issue.minimum) } }
    case 'too_big':
      return issue.origin === 'array'
        ? { code: 'too-many', params: { max: Number(issue.maximum) } }
        : { code: 'too-big', params: { max: Number(issue.maximum) } }
    case 'invalid_value':
      if (valueAt(input, issue.path) === undefined) return { code: 'required', params: {} }
      return { code: 'one-of', params: { values: issue.values.map(String).join(', ') } }
    case 'invalid_union': {
      // reps: a number or 'auto' (the one union of the run schema).
      const value = valueAt(input, issue.path)
      if (value === undefined) return { code: 'required', params: {} }
      if (typeof value === 'number' && !Number.isNaN(value))
        return { code: 'not-integer', params: {} }
      const acceptsAuto = issue.errors.some((branch) =>
        branch.some((i) => i.code === 'invalid_value' && i.values.includes('auto'))
      )
      return acceptsAuto
        ? { code: 'not-a-number-or-auto', params: {} }
        : { code: 'invalid', params: {} }
    }
    case 'unrecognized_keys':
      return { code: 'unknown-fields', params: { names: issue.keys.join(', ') } }
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, number | string>
      return typeof code === 'string' && CUSTOM_CODES.has(code)
        ? { code: code as IssueCode, params }
        : { code: 'invalid', params: {} }
    }
    default:
      return { code: 'invalid', params: {} }
  }
}
