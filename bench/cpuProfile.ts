import { SourceMapConsumer, type RawSourceMap } from 'source-map-js'

/** The parts of a CDP `Profiler.Profile` (V8 CPU profile) the summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
    children?: number[]
  }>
  samples?: number[]
  timeDeltas?: number[]
  startTime: number
  endTime: number
}

/** One line of a profile summary: a function (or V8 state) and the time spent in it. */
export interface ProfileItem {
  name: string
  selfMs: number
  share: number
}

/** Finds the source map of a script URL (the built file's `.map`), or undefined. */
export type SourceMapLookup = (url: string) => RawSourceMap | undefined

type CallFrame = CpuProfile['nodes'][number]['callFrame']

function labeller(lookup: SourceMapLookup | undefined): (frame: CallFrame) => string {
  const consumers = new Map<string, SourceMapConsumer | null>()
  return (frame) => {
    const name = frame.functionName || '(anonymous)'
    if (!frame.url) return name
    let consumer = consumers.get(frame.url)
    if (consumer === undefined) {
      const map = lookup?.(frame.url)
      consumer = map ? new SourceMapConsumer(map) : null
      consumers.set(frame.url, consumer)
    }
    const original = consumer?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber })
    if (original?.source) {
      // node_modules/@tldraw/editor/src/lib/editor/Editor.ts -> @tldraw/editor/.../Editor.ts
      const source = original.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')
      return `${name} (${source}:${original.line})`
    }
    return `${name} (${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1})`
  }
}

/**
 * Self time per function, largest first: the sampled time attributed to each function itself (not
 * its callees), so the top lines say where the main thread actually spent the load. Locations are
 * mapped back to the sources through the build's source maps when `lookup` finds them.
 * `(program)` and `(garbage collector)` are V8's own entries; `(idle)` is dropped.
 */
export function topSelfTime(profile: CpuProfile, count = 12, lookup?: SourceMapLookup): ProfileItem[] {
  const label = labeller(lookup)
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  let total = 0
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i])
    // A sample's duration is the delta to the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1000
    if (!node || node.callFrame.functionName === '(idle)') continue
    const key = label(node.callFrame)
    self.set(key, (self.get(key) ?? 0) + ms)
    total += ms
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, selfMs: Math.round(ms), share: total ? Math.round((ms / total) * 1000) / 10 : 0 }))
}

/** Total busy (non-idle) milliseconds of a profile. */
export function busyMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id))
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  let total = 0
  for (let i = 0; i < samples.length; i++) if (!idle.has(samples[i])) total += (deltas[i + 1] ?? 0) / 1000
  return Math.round(total)
}
