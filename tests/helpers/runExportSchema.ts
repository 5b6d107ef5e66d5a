import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'

/** The published JSON Schema of run exports (docs/run-export.schema.json), compiled once. */
const schema = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'docs', 'run-export.schema.json'), 'utf8')
)
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

/** The schema's complaints about `value` (empty when it is a valid export). */
export function schemaErrors(value: unknown): string[] {
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`)
}
