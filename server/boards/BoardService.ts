import * as Y from 'yjs'
import { BOARD_DOC_FORMAT, type BoardSettings, NEW_BOARD_SETTINGS, readBoardSettings, writeBoardMeta, writeBoardSettings } from '../../shared/boardDoc.ts'
import type { Locale } from '../../shared/locales.ts'
import { ROLES, type Role } from '../../shared/roles.ts'
import type { RoomManager } from '../sync/RoomManager.ts'
import type { BoardRecord, DocStore } from '../store/DocStore.ts'
import { BOARD_ID_PATTERN, TOKEN_PATTERN, hashToken, newBoardId, newToken } from './tokens.ts'

/** Fills a new board's document with its template's content (zones, labels, prompts). */
export type SeedBoard = (doc: Y.Doc, template: string, locale: Locale) => void

export interface CreatedBoard {
  board: BoardRecord
  links: Record<Role, string>
}

/** A caller's access to a board, after its token has been checked. */
export type Access =
  | { ok: true; board: BoardRecord; role: Role; tokenHash: string }
  | { ok: false; reason: 'not-found' | 'unauthorized' }

/**
 * Boards and their capability links: creation (content seeded once, here on the server), token
 * checks and link rotation. Tokens are returned once, inside links, and stored only as hashes.
 */
export class BoardService {
  constructor(
    private readonly deps: {
      store: DocStore
      rooms: RoomManager
      seed: SeedBoard
      publicUrl: () => string
    },
  ) {}

  /** The link a role's token opens: the token sits in the fragment, which browsers never send. */
  linkFor(boardId: string, token: string): string {
    return `${this.deps.publicUrl()}/b/${boardId}#k=${token}`
  }

  async create(input: { title: string; template: string; locale: Locale; anonymous?: boolean }): Promise<CreatedBoard> {
    const board: BoardRecord = {
      id: newBoardId(),
      title: input.title,
      template: input.template,
      locale: input.locale,
      createdAt: Date.now(),
    }
    const doc = new Y.Doc({ gc: true })
    try {
      writeBoardMeta(doc, {
        title: board.title,
        template: board.template,
        locale: board.locale,
        createdAt: board.createdAt,
        format: BOARD_DOC_FORMAT,
      })
      writeBoardSettings(doc, { ...NEW_BOARD_SETTINGS, anonymous: input.anonymous ?? false })
      this.deps.seed(doc, board.template, board.locale)
      const state = Y.encodeStateAsUpdateV2(doc)
      const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>
      const hashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<Role, string>
      await this.deps.store.createBoard(board, hashes, state)
      const links = Object.fromEntries(ROLES.map((role) => [role, this.linkFor(board.id, tokens[role])])) as Record<Role, string>
      return { board, links }
    } finally {
      doc.destroy()
    }
  }

  /** A board's rules (from its document; loads the board if needed). */
  async settingsOf(boardId: string): Promise<BoardSettings> {
    const room = await this.deps.rooms.acquire(boardId)
    try {
      return readBoardSettings(room.doc)
    } finally {
      this.deps.rooms.releaseIfEmpty(room)
    }
  }

  /** Checks a token against a board. Malformed ids and tokens never reach the store. */
  async authenticate(boardId: string, token: string | undefined | null): Promise<Access> {
    if (!BOARD_ID_PATTERN.test(boardId)) return { ok: false, reason: 'not-found' }
    const board = await this.deps.store.getBoard(boardId)
    if (!board) return { ok: false, reason: 'not-found' }
    if (!token || !TOKEN_PATTERN.test(token)) return { ok: false, reason: 'unauthorized' }
    const tokenHash = hashToken(token)
    const role = await this.deps.store.roleForTokenHash(boardId, tokenHash)
    if (!role) return { ok: false, reason: 'unauthorized' }
    return { ok: true, board, role, tokenHash }
  }

  /** Whether a connection's token still grants its role (false once the link was rotated). */
  async stillValid(boardId: string, tokenHash: string): Promise<boolean> {
    return (await this.deps.store.roleForTokenHash(boardId, tokenHash)) !== undefined
  }

  /** Issues a new link for a role; the old link stops working, open connections included. */
  async rotate(boardId: string, role: Role): Promise<string> {
    const token = newToken()
    await this.deps.store.replaceTokenHash(boardId, role, hashToken(token))
    // On every instance: a connection opened with the old link elsewhere must close too.
    this.deps.rooms.closeRole(boardId, role)
    return this.linkFor(boardId, token)
  }
}
