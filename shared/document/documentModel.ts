import * as Y from 'yjs'
import { STAKEHOLDER_GROUPS, stakeholderGroupSchema, type StakeholderGroup } from '../stakeholderGroups.ts'
import { AUTHORSHIP_ROOT, COMMENTS_ROOT, commentReplySchema, commentThreadFieldSchemas, contributionSchema, type CommentReply } from './documentDoc.ts'

/** A run of text with its marks. */
export interface Inline {
  text: string
  marks: string[]
  href?: string
}

/** A block of the document, as exports render it. */
export type DocBlock =
  | { kind: 'heading'; level: number; sectionId: string | null; inline: Inline[] }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'quote'; blocks: DocBlock[] }
  | { kind: 'list'; ordered: boolean; items: DocBlock[][] }
  | { kind: 'table'; rows: Inline[][][] }
  | { kind: 'note'; noteId: string; text: string; group: StakeholderGroup | null }
  | { kind: 'code'; text: string }
  | { kind: 'rule' }

/**
 * A link target exports may write as a link: an absolute http(s) or mailto URL, nothing else
 * (not javascript:, data:, file: or a relative path a word processor would resolve locally).
 */
export function safeHref(href: string | undefined): string | undefined {
  if (!href || href.length > 2000) return undefined
  try {
    const url = new URL(href)
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}

function inlineOf(node: Y.XmlElement | Y.XmlText): Inline[] {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>)
      .filter((op) => typeof op.insert === 'string')
      .map((op) => {
        const marks = Object.keys(op.attributes ?? {})
        const link = op.attributes?.link as { href?: unknown } | undefined
        return { text: op.insert as string, marks, ...(typeof link?.href === 'string' ? { href: link.href } : {}) }
      })
  }
  if (node.nodeName === 'hardBreak') return [{ text: '\n', marks: [] }]
  return node.toArray().flatMap((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? inlineOf(child) : []))
}

function blocksOf(nodes: ReadonlyArray<unknown>, depth = 0): DocBlock[] {
  if (depth > 32) return []
  const blocks: DocBlock[] = []
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      blocks.push({ kind: 'paragraph', inline: inlineOf(node) })
      continue
    }
    if (!(node instanceof Y.XmlElement)) continue
    const children = node.toArray()
    switch (node.nodeName) {
      case 'heading': {
        const level = Number(node.getAttribute('level')) || 1
        const sectionId = node.getAttribute('sectionId')
        blocks.push({ kind: 'heading', level: Math.min(6, Math.max(1, level)), sectionId: typeof sectionId === 'string' ? sectionId : null, inline: inlineOf(node) })
        break
      }
      case 'blockquote':
        blocks.push({ kind: 'quote', blocks: blocksOf(children, depth + 1) })
        break
      case 'bulletList':
      case 'orderedList':
        blocks.push({
          kind: 'list',
          ordered: node.nodeName === 'orderedList',
          items: children.filter((c): c is Y.XmlElement => c instanceof Y.XmlElement).map((item) => blocksOf(item.toArray(), depth + 1)),
        })
        break
      case 'table':
        blocks.push({
          kind: 'table',
          rows: children
            .filter((r): r is Y.XmlElement => r instanceof Y.XmlElement)
            .map((row) => row.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement).map((cell) => inlineOf(cell))),
        })
        break
      case 'boardNote': {
        const group = stakeholderGroupSchema.safeParse(node.getAttribute('group'))
        blocks.push({
          kind: 'note',
          noteId: String(node.getAttribute('noteId') ?? ''),
          text: String(node.getAttribute('text') ?? ''),
          group: group.success ? group.data : null,
        })
        break
      }
      case 'codeBlock':
        blocks.push({ kind: 'code', text: inlineOf(node).map((i) => i.text).join('') })
        break
      case 'horizontalRule':
        blocks.push({ kind: 'rule' })
        break
      default:
        blocks.push({ kind: 'paragraph', inline: inlineOf(node) })
    }
  }
  return blocks
}

/** The collective document of a board as blocks (pure: reads, never writes). */
export function documentBlocks(doc: Y.Doc): DocBlock[] {
  return blocksOf(doc.getXmlFragment('document').toArray())
}

/** A comment thread as exports show it. */
export interface CommentThreadView {
  id: string
  quote: string
  resolved: boolean
  replies: CommentReply[]
}

/** The board's comment threads, oldest first. */
export function commentThreads(doc: Y.Doc): CommentThreadView[] {
  const threads: Array<CommentThreadView & { createdAt: number }> = []
  for (const [id, value] of doc.getMap<unknown>(COMMENTS_ROOT)) {
    if (!(value instanceof Y.Map)) continue
    const quote = commentThreadFieldSchemas.quote.safeParse(value.get('quote'))
    const replies = value.get('replies')
    threads.push({
      id,
      quote: quote.success ? quote.data : '',
      resolved: value.get('resolved') === true,
      createdAt: Number(value.get('createdAt')) || 0,
      replies:
        replies instanceof Y.Array
          ? replies.toArray().flatMap((r) => {
              const parsed = commentReplySchema.safeParse(r)
              return parsed.success ? [parsed.data] : []
            })
          : [],
    })
  }
  return threads.sort((a, b) => a.createdAt - b.createdAt)
}

/** Who wrote the document: names (when the board keeps names) and the groups that took part. */
export function documentAuthors(doc: Y.Doc, anonymous: boolean): { names: string[]; groups: StakeholderGroup[] } {
  const names = new Set<string>()
  const groups = new Set<StakeholderGroup>()
  for (const section of doc.getMap<unknown>(AUTHORSHIP_ROOT).values()) {
    if (!(section instanceof Y.Map)) continue
    for (const value of section.values()) {
      const parsed = contributionSchema.safeParse(value)
      if (!parsed.success) continue
      groups.add(parsed.data.group)
      if (!anonymous && parsed.data.name) names.add(parsed.data.name)
    }
  }
  return { names: [...names].sort((a, b) => a.localeCompare(b)), groups: STAKEHOLDER_GROUPS.filter((g) => groups.has(g)) }
}
