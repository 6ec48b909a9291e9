import type {
  ConflictList,
  CreatedToken,
  CreateSourceBody,
  DataQuality,
  ErrorBody,
  EventPage,
  EventQueryInput,
  Health,
  IdentityRules,
  IdentitySettings,
  ImportFile,
  ImportJob,
  ImportJobList,
  ImportPreview,
  IngestionStats,
  LinkExplanation,
  LoginBody,
  MatchCandidate,
  MatchList,
  MatchQueryInput,
  MatchRunResult,
  Me,
  PreviewBody,
  Profile,
  ProfileGraph,
  ProfileHistory,
  ProfileList,
  ProfileSearchQueryInput,
  QuarantineItem,
  QuarantinePage,
  QuarantineQueryInput,
  ReplayResult,
  RuleImpact,
  Source,
  SourceList,
  SplitBody,
  SplitResult,
  StartImportBody,
  StatsQueryInput,
  TimelinePage,
  TimelineQueryInput,
  UpdateSourceBody,
} from '@cdp/protocol';

import { destinationsClient, syncsClient } from './activation.ts';
import { audiencesClient } from './audiences.ts';
import { journeysClient } from './journeys.ts';
import { tagsClient } from './tags.ts';
import { vocabularyClient } from './vocabulary.ts';

/** An error answered by the API: `status` is the HTTP status, `code` the stable machine code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  /** e.g. `http://localhost:3000`; empty = same origin (the console). */
  readonly baseUrl?: string;
  /** An admin API token (`cdp tokens create`); the console uses its session cookie instead. */
  readonly token?: string;
  readonly fetch?: typeof fetch;
}

export type Query = Record<string, string | number | undefined>;
/** One admin API call: the building block of every group of methods (see audiences.ts). */
export type RequestFn = <T>(method: string, path: string, body?: unknown, query?: Query) => Promise<T>;

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Typed client of the admin API (`/api/v1`), shared by the console, the CLI and the tests. */
export function createClient(options: ClientOptions = {}) {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await doFetch(`${base}/api/v1${path}${queryString(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const text = await res.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      // e.g. a proxy's HTML error page
      throw new ApiError(
        res.status,
        res.ok ? 'invalid_response' : 'http_error',
        `${res.status} ${res.statusText}: ${text.slice(0, 200)}`,
      );
    }
    if (!res.ok) {
      const err = (data as Partial<ErrorBody> | undefined)?.error;
      throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? res.statusText, err?.path);
    }
    return data as T;
  }

  const id = encodeURIComponent;
  return {
    audiences: audiencesClient(request),
    vocabulary: vocabularyClient(request),
    tags: tagsClient(request),
    destinations: destinationsClient(request),
    syncs: syncsClient(request),
    journeys: journeysClient(request),
    health: () => request<Health>('GET', '/health'),
    auth: {
      login: (body: LoginBody) => request<Me>('POST', '/auth/login', body),
      logout: () => request<{ ok: true }>('POST', '/auth/logout', {}),
      me: () => request<Me>('GET', '/auth/me'),
    },
    sources: {
      list: () => request<SourceList>('GET', '/sources'),
      get: (sourceId: string) => request<Source>('GET', `/sources/${id(sourceId)}`),
      create: (body: CreateSourceBody) => request<Source>('POST', '/sources', body),
      update: (sourceId: string, body: UpdateSourceBody) =>
        request<Source>('PATCH', `/sources/${id(sourceId)}`, body),
      rotateKey: (sourceId: string) => request<Source>('POST', `/sources/${id(sourceId)}/rotate-key`, {}),
    },
    events: {
      list: (query: EventQueryInput = {}) => request<EventPage>('GET', '/events', undefined, query as Query),
    },
    quarantine: {
      list: (query: QuarantineQueryInput = {}) =>
        request<QuarantinePage>('GET', '/quarantine', undefined, query as Query),
      get: (itemId: string) => request<QuarantineItem>('GET', `/quarantine/${id(itemId)}`),
      replay: (itemId: string, payload?: unknown) =>
        request<ReplayResult>(
          'POST',
          `/quarantine/${id(itemId)}/replay`,
          payload === undefined ? {} : { payload },
        ),
      discard: (itemId: string) => request<QuarantineItem>('POST', `/quarantine/${id(itemId)}/discard`, {}),
    },
    profiles: {
      search: (query: ProfileSearchQueryInput) =>
        request<ProfileList>('GET', '/profiles', undefined, query as Query),
      get: (profileId: string) => request<Profile>('GET', `/profiles/${id(profileId)}`),
      lookup: (type: string, value: string) =>
        request<Profile>('GET', '/profiles/lookup', undefined, { type, value }),
      timeline: (profileId: string, query: TimelineQueryInput = {}) =>
        request<TimelinePage>('GET', `/profiles/${id(profileId)}/timeline`, undefined, query as Query),
      history: (profileId: string) => request<ProfileHistory>('GET', `/profiles/${id(profileId)}/history`),
      graph: (profileId: string) => request<ProfileGraph>('GET', `/profiles/${id(profileId)}/graph`),
      explain: (profileId: string, from: string, to: string) =>
        request<LinkExplanation>('GET', `/profiles/${id(profileId)}/explain`, undefined, { from, to }),
      split: (profileId: string, body: SplitBody) =>
        request<SplitResult>('POST', `/profiles/${id(profileId)}/split`, body),
    },
    identity: {
      settings: () => request<IdentitySettings>('GET', '/identity/settings'),
      simulate: (rules: IdentityRules) => request<RuleImpact>('POST', '/identity/settings/simulate', rules),
      publish: (rules: IdentityRules) => request<RuleImpact>('PUT', '/identity/settings', rules),
      conflicts: (limit?: number) =>
        request<ConflictList>('GET', '/identity/conflicts', undefined, { limit }),
      dataQuality: (days?: number) => request<DataQuality>('GET', '/data-quality', undefined, { days }),
      runMatching: () => request<MatchRunResult>('POST', '/identity/matching/run', {}),
      matches: (query: MatchQueryInput = {}) =>
        request<MatchList>('GET', '/identity/matches', undefined, query as Query),
      decideMatch: (matchId: string, decision: 'accept' | 'reject') =>
        request<MatchCandidate>('POST', `/identity/matches/${id(matchId)}/${decision}`, {}),
    },
    imports: {
      /** Uploads a file as the raw request body (a browser File or Blob, or bytes). */
      upload: async (filename: string, file: Blob | Uint8Array): Promise<ImportFile> => {
        const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
        if (options.token) headers.authorization = `Bearer ${options.token}`;
        const res = await doFetch(`${base}/api/v1/imports/files${queryString({ filename })}`, {
          method: 'POST',
          headers,
          body: file as Blob,
          credentials: 'same-origin',
        });
        const data = (await res.json().catch(() => undefined)) as
          | (ImportFile & Partial<ErrorBody>)
          | undefined;
        if (!res.ok)
          throw new ApiError(
            res.status,
            data?.error?.code ?? 'http_error',
            data?.error?.message ?? res.statusText,
          );
        return data as ImportFile;
      },
      preview: (fileId: string, body: PreviewBody) =>
        request<ImportPreview>('POST', `/imports/files/${id(fileId)}/preview`, body),
      start: (body: StartImportBody) => request<ImportJob>('POST', '/imports', body),
      list: () => request<ImportJobList>('GET', '/imports'),
      get: (jobId: string) => request<ImportJob>('GET', `/imports/${id(jobId)}`),
      errorsUrl: (jobId: string) => `${base}/api/v1/imports/${id(jobId)}/errors`,
    },
    stats: {
      ingestion: (query: StatsQueryInput = {}) =>
        request<IngestionStats>('GET', '/stats/ingestion', undefined, query as Query),
    },
    tokens: {
      create: (name: string) => request<CreatedToken>('POST', '/tokens', { name }),
    },
    /** URL of the live debugger stream (Server-Sent Events of `DebuggerFrame`). */
    debuggerStreamUrl: (query: { sourceId?: string } = {}) =>
      `${base}/api/v1/debugger/stream${queryString(query)}`,
  };
}

export type CdpClient = ReturnType<typeof createClient>;
