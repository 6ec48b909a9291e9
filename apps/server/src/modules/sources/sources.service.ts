import type { CreateSourceBody, Source, UpdateSourceBody } from '@cdp/protocol';
import type { Kysely } from 'kysely';
import { newId, newSecret } from '../../platform/ids.ts';
import { sourceNotFound } from './sources.errors.ts';
import { SourcesRepository } from './sources.repository.ts';
import type { SourceRow, SourcesTables } from './sources.tables.ts';

/** What the ingestion path needs to know about the source behind a write key. */
export interface SourceRef {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly enabled: boolean;
}

const CACHE_TTL_MS = 5_000;

export function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    type: row.type as Source['type'],
    writeKey: row.write_key,
    enabled: row.enabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export class SourcesService {
  private readonly repo: SourcesRepository;
  /** Write key → source, cached briefly: every tracking call resolves one. A disable takes ≤ 5 s elsewhere. */
  private readonly cache = new Map<string, { ref: SourceRef | null; at: number }>();

  constructor(db: Kysely<SourcesTables>) {
    this.repo = new SourcesRepository(db);
  }

  async list(workspaceId: string): Promise<Source[]> {
    return (await this.repo.list(workspaceId)).map(toSource);
  }

  async get(workspaceId: string, id: string): Promise<Source> {
    const row = await this.repo.get(workspaceId, id);
    if (!row) throw sourceNotFound(id);
    return toSource(row);
  }

  async create(workspaceId: string, body: CreateSourceBody): Promise<Source> {
    const row = await this.repo.insert({
      id: newId('src'),
      workspace_id: workspaceId,
      name: body.name,
      type: body.type,
      write_key: newSecret(24),
    });
    return toSource(row);
  }

  async update(workspaceId: string, id: string, body: UpdateSourceBody): Promise<Source> {
    const row = await this.repo.update(workspaceId, id, body);
    if (!row) throw sourceNotFound(id);
    this.cache.clear();
    return toSource(row);
  }

  async rotateKey(workspaceId: string, id: string): Promise<Source> {
    const row = await this.repo.update(workspaceId, id, { write_key: newSecret(24) });
    if (!row) throw sourceNotFound(id);
    this.cache.clear();
    return toSource(row);
  }

  /** The source of a write key, or null when the key is unknown. */
  async resolveWriteKey(writeKey: string): Promise<SourceRef | null> {
    const hit = this.cache.get(writeKey);
    if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.ref;
    const row = await this.repo.byWriteKey(writeKey);
    const ref = row
      ? { id: row.id, workspaceId: row.workspace_id, name: row.name, enabled: row.enabled }
      : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(writeKey, { ref, at: Date.now() });
    return ref;
  }
}
