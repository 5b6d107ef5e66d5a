import type { ConfigIssue } from '../../../../shared/config'
import type { IssueCode } from '../../../../shared/issueCodes'
import type { Messages } from './en'

/** One item of a list field: workers.2 → worker, sizes.0 → size, backends.1 → backend. */
const ITEM: Record<string, string> = { workers: 'worker', sizes: 'size', backends: 'backendItem' }

/** The field an issue is about: range.start → start, workers → workers, workers.2 → worker. */
function subject(field: string): string {
  const parts = field.split('.')
  const named = parts.filter((part) => !/^\d+$/.test(part))
  const last = named[named.length - 1] ?? field
  return named.length < parts.length ? (ITEM[last] ?? last) : last
}

/**
 * A validation issue in the user's language, from its code and numbers
 * (src/shared/issueCodes.ts): no matching of English sentences. An issue
 * without a code (none from the run schema) is shown as it came.
 */
export function issueText(issue: ConfigIssue, m: Messages): string {
  const say = m.issues
  const code = issue.code as IssueCode | undefined
  if (!code || !(code in say.codes)) return issue.message
  const key = subject(issue.field) as keyof typeof say.fields
  const field = say.fields[key] ?? key
  const p = issue.params ?? {}
  switch (code) {
    case 'too-small':
    case 'too-few':
      return say.codes[code](field, Number(p.min))
    case 'too-big':
    case 'too-many':
      return say.codes[code](field, Number(p.max))
    case 'one-of':
      return say.codes[code](field, String(p.values))
    case 'unknown-fields':
      return say.codes[code](String(p.names))
    case 'size-unsafe':
      return say.codes[code](Number(p.size), Number(p.copies))
    case 'not-a-size':
    case 'not-a-span':
    case 'span-upwards':
      return say.codes[code](String(p.text))
    case 'kernel-unsupported':
      return say.codes[code](String(p.worker))
    case 'server-invalid':
      return say.codes[code](String(p.reason))
    case 'command-too-long':
      return say.codes[code](Number(p.max))
    case 'placeholder-unknown':
      return say.codes[code](String(p.placeholder), String(p.role), String(p.known ?? ''))
    case 'program-not-found':
      return say.codes[code](String(p.program))
    case 'cwd-missing':
      return say.codes[code](String(p.path))
    case 'command-empty':
    case 'command-nul':
    case 'command-needs-shell':
    case 'command-unclosed-quote':
    case 'command-trailing-backslash':
    case 'size-unused':
    case 'command-local-only':
    case 'async-needs-wait':
    case 'wait-required':
    case 'wait-split-only':
    case 'wait-not-on-cluster':
      return say.codes[code]()
    case 'study-empty':
    case 'sweep-needs-two':
    case 'no-sizes':
    case 'range-empty':
    case 'weak-unsafe':
    case 'server-required':
    case 'study-server-required':
      return say.codes[code]()
    default:
      return say.codes[code](field)
  }
}
