/**
 * The size in bytes of a value's UTF-8 JSON, or undefined when it cannot be written (nested too
 * deeply, a cycle). Exact when it matters, cheap when it does not: most records are far below
 * the limit, and a walk that only adds up an upper bound (every UTF-16 unit of a string at most
 * 6 bytes, as an escape) proves that without building the JSON text. Only when the bound reaches
 * the limit is the JSON written and measured.
 */
export function jsonBytesUpTo(value: unknown, limit: number): { within: true } | { within: false; bytes: number | undefined } {
  if (upperBound(value, limit) <= limit) return { within: true }
  let bytes: number
  try {
    bytes = Buffer.byteLength(JSON.stringify(value))
  } catch {
    return { within: false, bytes: undefined }
  }
  return bytes <= limit ? { within: true } : { within: false, bytes }
}

/** Deeper than this, the walk gives up and the JSON text is measured (or found unwritable). */
const MAX_WALK_DEPTH = 64

// An upper bound of the UTF-8 JSON size; stops adding once past `limit` (the answer is then
// "measure exactly"). Iterative over an explicit stack, so no input can overflow the call stack.
function upperBound(root: unknown, limit: number): number {
  let total = 0
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }]
  while (stack.length > 0 && total <= limit) {
    const { value, depth } = stack.pop()!
    switch (typeof value) {
      case 'string':
        total += 2 + 6 * value.length
        break
      case 'number':
        total += 24 // the longest a double prints as
        break
      case 'boolean':
      case 'undefined':
        total += 9 // "false", "null", or an omitted member's room
        break
      case 'object': {
        if (value === null) {
          total += 4
          break
        }
        if (depth >= MAX_WALK_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return Infinity
        total += 2
        if (Array.isArray(value)) {
          for (const element of value) {
            total += 1
            stack.push({ value: element, depth: depth + 1 })
          }
        } else {
          for (const key in value) {
            if (!Object.prototype.hasOwnProperty.call(value, key)) continue
            total += 2 + 6 * key.length + 2
            stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 })
          }
        }
        break
      }
      default:
        // bigint, symbol, function: let JSON.stringify decide what they become.
        return Infinity
    }
  }
  return total
}
