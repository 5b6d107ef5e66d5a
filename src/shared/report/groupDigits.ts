const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** A decimal string with thousands separators (sums exceed 2^53, so no Number). */
export function groupDigits(decimal: string): string {
  return decimal.startsWith('-') ? `-${group(decimal.slice(1))}` : group(decimal)
}
