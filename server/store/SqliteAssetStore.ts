import type Database from 'better-sqlite3'
import type { AssetStore, StoredAsset } from './DocStore.ts'

/** Uploaded images in the SQLite file (table `board_assets`, made by SqliteDocStore). */
export class SqliteAssetStore implements AssetStore {
  private readonly stmt

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      put: db.prepare('INSERT INTO board_assets (board_id, id, mime_type, data, created_at) VALUES (?, ?, ?, ?, ?)'),
      // length() of a BLOB is read from the record header; the image bytes are not loaded.
      bytes: db.prepare<[string], number>('SELECT COALESCE(SUM(length(data)), 0) FROM board_assets WHERE board_id = ?').pluck(),
      get: db.prepare<[string, string], { mime_type: string; data: Buffer; created_at: number }>('SELECT mime_type, data, created_at FROM board_assets WHERE board_id = ? AND id = ?'),
    }
  }

  async putAsset(asset: StoredAsset, quota: { maxBoardBytes: number }): Promise<{ stored: true } | { stored: false; usedBytes: number }> {
    return this.db.transaction(() => {
      const used = this.stmt.bytes.get(asset.boardId)!
      if (used + asset.data.byteLength > quota.maxBoardBytes) return { stored: false as const, usedBytes: used }
      this.stmt.put.run(asset.boardId, asset.id, asset.mimeType, Buffer.from(asset.data.buffer, asset.data.byteOffset, asset.data.byteLength), asset.createdAt)
      return { stored: true as const }
    })()
  }

  async assetBytes(boardId: string): Promise<number> {
    return this.stmt.bytes.get(boardId)!
  }

  async getAsset(boardId: string, id: string): Promise<StoredAsset | undefined> {
    const row = this.stmt.get.get(boardId, id)
    if (!row) return undefined
    return { boardId, id, mimeType: row.mime_type, data: new Uint8Array(row.data), createdAt: row.created_at }
  }
}
