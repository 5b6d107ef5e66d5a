/**
 * A selection is an immutable set of ids: every change makes a new set, so
 * a `$state.raw` holding one updates with a single assignment, however many
 * runs there are.
 */
export type Selection = ReadonlySet<string>

export const emptySelection: Selection = new Set()

export function selectionOf(ids: Iterable<string>): Selection {
  return new Set(ids)
}

export function toggled(selection: Selection, id: string, on: boolean): Selection {
  if (selection.has(id) === on) return selection
  const next = new Set(selection)
  if (on) next.add(id)
  else next.delete(id)
  return next
}

/** Keeps only ids for which `keep` holds. */
export function filtered(selection: Selection, keep: (id: string) => boolean): Selection {
  return new Set([...selection].filter(keep))
}
