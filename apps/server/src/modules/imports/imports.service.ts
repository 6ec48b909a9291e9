import type { Writable } from 'node:stream';
import type { SourceType } from '@cdp/protocol';
import type { IngestService } from '../ingest/index.ts';
import type { SourcesService } from '../sources/index.ts';
import type { ImportKind, ImportMapping } from './import-mapping.ts';
import { type ImportProgress, type ImportSummary, runImport, type SubmitStatus } from './run-import.ts';
import type { ImportFormat } from './source-row.ts';

export interface ImportFileOptions {
  readonly workspaceId: string;
  readonly path: string;
  readonly format?: ImportFormat;
  readonly mapping: ImportMapping;
  /** The source the rows are recorded under: by name, created (type crm, or pos for orders) when missing. */
  readonly sourceName: string;
  readonly errorReport?: Writable;
  readonly onProgress?: (progress: ImportProgress) => void;
}

const SOURCE_TYPE: Record<ImportKind, SourceType> = { profiles: 'crm', events: 'crm', orders: 'pos' };

/**
 * File imports (CRM members, ERP/OMS orders, POS): rows become messages that go through the same
 * ingestion as live events — validation, dedupe by deterministic messageId (a re-import stores
 * nothing twice), durable commit — and then the same identity and profile pipeline.
 */
export class ImportsService {
  constructor(
    private readonly ingest: IngestService,
    private readonly sources: SourcesService,
  ) {}

  async importFile(options: ImportFileOptions): Promise<ImportSummary & { readonly sourceId: string }> {
    const { workspaceId, mapping } = options;
    const existing = (await this.sources.list(workspaceId)).find((s) => s.name === options.sourceName);
    const source =
      existing ??
      (await this.sources.create(workspaceId, { name: options.sourceName, type: SOURCE_TYPE[mapping.kind] }));
    const ref = { id: source.id, workspaceId, name: source.name, enabled: source.enabled };
    const submit = async (messages: readonly unknown[]): Promise<SubmitStatus[]> => {
      const envelope = { receivedAt: new Date(), requestIp: null, userAgent: null, identityInTraits: true };
      return (await this.ingest.ingestEach(ref, messages, null, envelope)).results;
    };
    const summary = await runImport({
      path: options.path,
      format: options.format,
      mapping,
      sourceId: source.id,
      submit,
      onProgress: options.onProgress,
      errorReport: options.errorReport,
    });
    return { ...summary, sourceId: source.id };
  }
}
