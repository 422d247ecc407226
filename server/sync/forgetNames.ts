import * as Y from 'yjs'
import { AUTHOR_NAME_META_KEY } from '../../shared/policy/boardRules.ts'
import { deleteRecords, getRecordsMap } from '../../shared/tldrawYjs/recordsDoc.ts'

/** What carries a person's name in a board's tldraw records: user records, and author names in shapes' meta. */
function named(doc: Y.Doc): { users: string[]; metas: Y.Map<unknown>[] } {
  const records = [...getRecordsMap(doc).entries()].filter((entry): entry is [string, Y.Map<unknown>] => entry[1] instanceof Y.Map)
  return {
    users: records.filter(([, record]) => record.get('typeName') === 'user').map(([id]) => id),
    metas: records.map(([, record]) => record.get('meta')).filter((meta): meta is Y.Map<unknown> => meta instanceof Y.Map && meta.has(AUTHOR_NAME_META_KEY)),
  }
}

/** Whether the board's records still carry a name. */
export function recordsHoldNames(doc: Y.Doc): boolean {
  const { users, metas } = named(doc)
  return users.length > 0 || metas.length > 0
}

/** Removes tldraw's user records and every shape's author name (call inside the server's own transaction). */
export function forgetNames(doc: Y.Doc): void {
  const { users, metas } = named(doc)
  deleteRecords(doc, users)
  for (const meta of metas) meta.delete(AUTHOR_NAME_META_KEY)
}
