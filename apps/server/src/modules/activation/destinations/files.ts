import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { z } from 'zod';
import type { DeliveryEvent, DeliveryMessage, DestinationContext, DestinationType } from '../destination.ts';
import { expectOk, PermanentError } from '../destination.ts';
import { CONTENT_TYPE, FILE_FORMATS, type FileFormat, type Table, writeTable } from './file-writers.ts';

export { FILE_FORMATS, type FileFormat } from './file-writers.ts';

export const DEFAULT_FILE_NAME = "{{ audience.name | default: 'events' }}-{{ at | date: '%Y%m%d%H%M%S' }}";
export const DEFAULT_EVENT_FIELDS = [
  'messageId',
  'type',
  'event',
  'userId',
  'anonymousId',
  'timestamp',
  'properties',
];

/** A relative path that stays below its root: no absolute path, no `..` segment. */
const staysInside = (path: string) =>
  !isAbsolute(path) &&
  !/^[a-zA-Z]:/.test(path) &&
  !path.includes('\0') &&
  !path.split(/[\\/]/).includes('..');

/** The directory to write to; a blank one (an emptied form field) means none. */
function localDirectory(config: { readonly directory?: string }): string | undefined {
  return config.directory?.trim() ? config.directory : undefined;
}

export const FileDestinationConfig = z
  .object({
    format: z.enum(FILE_FORMATS).default('csv').describe('File format: csv (UTF-8 with BOM), jsonl or xlsx.'),
    directory: z
      .string()
      .max(500)
      .refine(staysInside, 'must be a relative path without ..')
      .optional()
      .describe(
        'Directory under the export root (CDP_EXPORT_DIR) to write to, relative ("." for the root). Leave empty to only PUT the file.',
      ),
    fileName: z
      .string()
      .min(1)
      .max(1_000)
      .default(DEFAULT_FILE_NAME)
      .describe(
        'Liquid template of the file name over audience, at, id (the delivery id), kind and mode; path characters are replaced and the format extension added.',
      ),
    identifiers: z
      .array(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/))
      .default(['phone', 'email'])
      .describe('Audience exports: identifier types written as columns, several values joined by |.'),
    traits: z
      .array(z.string().min(1).max(200))
      .default([])
      .describe('Audience exports: profile traits written as traits.<name> columns.'),
    eventFields: z
      .array(z.string().min(1).max(200))
      .min(1)
      .default(DEFAULT_EVENT_FIELDS)
      .describe(
        'Event exports: event fields as columns, dotted paths allowed (properties.order_id, context.ip).',
      ),
    putUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        'Also (or only) upload the file with HTTP PUT here, e.g. to object storage; a URL ending in / gets the file name appended.',
      ),
    putHeaders: z
      .record(z.string(), z.string())
      .default({})
      .describe('Headers of the PUT, e.g. Authorization (secret).'),
  })
  .refine((config) => localDirectory(config) !== undefined || config.putUrl !== undefined, {
    message: 'set a directory, a PUT URL or both',
    path: ['directory'],
  });
export type FileDestinationConfig = z.infer<typeof FileDestinationConfig>;

/** A file name from a rendered template: no path or control characters, at most 200 bytes, with extension. */
export function safeFileName(rendered: string, format: FileFormat): string {
  let name = rendered
    .normalize('NFC')
    .replace(/[\p{Cc}/\\:*?"<>|]/gu, '_')
    .trim()
    .replace(/^[.\s]+/, '');
  const chars = Array.from(name);
  while (Buffer.byteLength(chars.join('')) > 200) chars.pop();
  name = chars.join('').trim() || 'export';
  return name.toLowerCase().endsWith(`.${format}`) ? name : `${name}.${format}`;
}

/**
 * The directory under `root` for `directory`, created a segment at a time and each resolved, so
 * neither `..` nor a symlink leads out (checked before anything is created beyond it).
 */
export async function exportDirectory(root: string, directory: string): Promise<string> {
  if (!staysInside(directory)) throw new PermanentError(`directory ${directory} leaves the export root`);
  await mkdir(root, { recursive: true });
  const realRoot = await realpath(root);
  let current = realRoot;
  for (const segment of directory.split(/[\\/]/).filter((s) => s !== '' && s !== '.')) {
    const next = join(current, segment);
    await mkdir(next).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    current = await realpath(next);
    const inside = relative(realRoot, current);
    if (inside.startsWith('..') || isAbsolute(inside))
      throw new PermanentError(`directory ${directory} leaves the export root`);
  }
  return current;
}

/** A dotted path into an event (`properties.order_id`). */
function pick(event: DeliveryEvent, path: string): unknown {
  let value: unknown = event;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function table(message: DeliveryMessage, config: FileDestinationConfig): Table {
  if (message.kind === 'events_export') {
    const events = message.events;
    if (!events) throw new PermanentError('events_export without events');
    return {
      sheet: 'events',
      header: config.eventFields,
      rows: (async function* () {
        for await (const event of events()) yield config.eventFields.map((field) => pick(event, field));
      })(),
    };
  }
  if (message.kind !== 'audience_snapshot')
    throw new PermanentError(`file exports do not accept ${message.kind}`);
  const members = message.members;
  if (!members) throw new PermanentError('audience_snapshot without members');
  const incremental = message.snapshot?.mode === 'incremental';
  return {
    sheet: 'members',
    header: [
      'profile_id',
      ...(incremental ? ['change'] : []),
      ...config.identifiers,
      ...config.traits.map((trait) => `traits.${trait}`),
    ],
    rows: (async function* () {
      for await (const { profile, change } of members()) {
        // a full snapshot lists the members; exits only mean something in an incremental one
        if (!incremental && change === 'exit') continue;
        yield [
          profile.id,
          ...(incremental ? [change] : []),
          ...config.identifiers.map((type) =>
            profile.identifiers.filter((id) => id.type === type).map((id) => id.value),
          ),
          ...config.traits.map((trait) =>
            Object.hasOwn(profile.traits, trait) ? profile.traits[trait] : null,
          ),
        ];
      }
    })(),
  };
}

async function put(ctx: DestinationContext<FileDestinationConfig>, url: string, path: string, name: string) {
  const target = url.endsWith('/') ? `${url}${encodeURIComponent(name)}` : url;
  const { size } = await stat(path);
  const body = createReadStream(path);
  try {
    const response = await ctx.fetch(target, {
      method: 'PUT',
      // object stores want the length up front; the body streams from disk
      headers: {
        'Content-Type': CONTENT_TYPE[ctx.config.format],
        'Content-Length': String(size),
        ...ctx.config.putHeaders,
      },
      body: body as unknown as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    await expectOk(response, 'PUT target');
    await response.body?.cancel();
  } finally {
    body.destroy();
  }
}

/**
 * Scheduled exports to files: an audience's members or a period's events as CSV, JSONL or XLSX,
 * written under the export root and/or PUT to a URL. Rows stream to a temporary file that is
 * renamed when complete, so a reader never sees half a file; a retried delivery renders the same
 * name and replaces the file.
 */
export const fileDestination: DestinationType<FileDestinationConfig> = {
  type: 'file',
  category: 'file',
  label: { 'zh-CN': '文件导出（CSV / JSONL / Excel）', en: 'File export (CSV / JSONL / Excel)' },
  configSchema: FileDestinationConfig,
  secrets: ['putHeaders'],
  urls: ['putUrl'],
  accepts: ['audience_snapshot', 'events_export'],
  purposes: ['analytics'],

  async send(message, ctx) {
    const { config } = ctx;
    const rows = table(message, config);
    const rendered = await ctx.render(config.fileName, {
      audience: message.audience,
      at: message.at,
      id: message.id,
      kind: message.kind,
      mode: message.snapshot?.mode,
    });
    const name = safeFileName(rendered, config.format);
    const directory = localDirectory(config);
    const dir = await exportDirectory(ctx.exportRoot, directory ?? '.tmp');
    const temporary = join(dir, `.${name}.${randomUUID()}.tmp`);
    const at = new Date(message.at);
    try {
      await writeTable(config.format, temporary, rows, Number.isNaN(at.getTime()) ? new Date() : at);
      let file = temporary;
      if (directory !== undefined) {
        file = join(dir, name);
        await rename(temporary, file);
      }
      if (config.putUrl) await put(ctx, config.putUrl, file, name);
    } finally {
      await rm(temporary, { force: true });
    }
    ctx.log.info({ destinationId: ctx.destinationId, file: name }, 'export written');
  },
};
