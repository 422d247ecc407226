import * as Y from 'yjs'

/*
 * What an update does to a document, as server/sync/updateEffects.ts reports it to the document
 * policy: effects (an item inserted under a parent, an existing item deleted) at paths (the root's
 * name followed by the map keys below it, '#' for a position in a sequence).
 */

/** A location in the doc: root name, then map keys ('#' = inside a sequence). */
export type DocPath = readonly string[]

/** The kinds of content an item can carry. */
export type ContentKind =
  | 'map'
  | 'array'
  | 'text'
  | 'xml-fragment'
  | 'xml-element'
  | 'xml-text'
  | 'xml-hook'
  | 'value'
  | 'string'
  | 'binary'
  | 'embed'
  | 'format'
  | 'deleted'
  | 'doc'

/**
 * The top-level item (a direct child of a root) an effect falls under: an item already in the doc,
 * or one this update creates (with its neighbours at insertion, to tell where it lands). Lets a
 * rule for a sequence root (the collaborative document) see which block a change touches.
 */
export type TopRef = { kind: 'doc'; item: Y.Item } | { kind: 'own'; item: Y.Item; origin: Y.ID | null; rightOrigin: Y.ID | null }

/** An item the update inserts. `values` holds JSON values (one per map entry), `text` a string. */
export interface InsertEffect {
  kind: 'insert'
  /** The struct as decoded; the policy may void it (turn it into GC). */
  item: Y.Item
  /** The parent type's path; undefined when the item lands in a deleted/collected parent (no effect). */
  parent: DocPath | undefined
  /** The map key, or null for a position in a sequence (array, text, xml). */
  key: string | null
  content: ContentKind
  values?: unknown[]
  text?: string
  /** For a type (map, text...): the path the new type will have. */
  path?: DocPath
  /** True when the parent type is itself created by this update (a new record's fields). */
  parentFresh: boolean
  /** The top-level item it falls under (itself when it is one). */
  top: TopRef | null
}

/** An existing item the update deletes. */
export interface DeleteEffect {
  kind: 'delete'
  /** The part of the update's delete set that deletes this item. */
  range: { client: number; clock: number; len: number }
  parent: DocPath
  key: string | null
  /** The deleted item's content kind; 'map' under a map key deletes a whole record. */
  content: ContentKind
  /** The deleted item's value, for JSON values. */
  values?: unknown[]
  /** The top-level item it falls under (itself when it is one). */
  top: TopRef | null
}

export type Effect = InsertEffect | DeleteEffect

/** Deeper than this, a path is refused (no board layout nests this deep). */
export const MAX_PATH_DEPTH = 32

/** The content kind of an item. */
export function contentKind(content: Y.Item["content"]): ContentKind {
  if (content instanceof Y.ContentType) {
    const type = content.type
    // Subclasses before their bases: XmlHook extends Map, XmlText extends Text, XmlElement extends XmlFragment.
    if (type instanceof Y.XmlHook) return 'xml-hook'
    if (type instanceof Y.Map) return 'map'
    if (type instanceof Y.XmlText) return 'xml-text'
    if (type instanceof Y.Text) return 'text'
    if (type instanceof Y.XmlElement) return 'xml-element'
    if (type instanceof Y.XmlFragment) return 'xml-fragment'
    if (type instanceof Y.Array) return 'array'
    return 'map'
  }
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return 'value'
  if (content instanceof Y.ContentString) return 'string'
  if (content instanceof Y.ContentBinary) return 'binary'
  if (content instanceof Y.ContentEmbed) return 'embed'
  if (content instanceof Y.ContentFormat) return 'format'
  if (content instanceof Y.ContentDeleted) return 'deleted'
  if (content instanceof Y.ContentDoc) return 'doc'
  return 'deleted'
}

/** The JSON values an item carries (map entries, array elements), if it carries values. */
export function valuesOf(content: Y.Item["content"]): unknown[] | undefined {
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return (content as unknown as { arr: unknown[] }).arr
  return undefined
}
