/** One choice of a segmented control. */
export interface SegmentOption<V extends string> {
  value: V
  label: string
  hint?: string
}
