import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Services } from './app.ts';
import { DEFAULT_WORKSPACE } from './modules/auth/index.ts';
import { ImportKind, ImportMapping, readRows, suggestMapping } from './modules/imports/index.ts';

type WithCore = <T>(fn: (services: Services) => Promise<T>) => Promise<T>;
interface ImportOptions {
  kind: ImportKind;
  source: string;
  map?: string;
  format?: 'csv' | 'jsonl' | 'xlsx';
  errors?: string;
  json?: boolean;
}

/** The mapping file, or one suggested from the file's headers (printed, so it can be saved and edited). */
async function mappingFor(file: string, opts: ImportOptions): Promise<ImportMapping> {
  let input: unknown;
  if (opts.map) input = JSON.parse(readFileSync(opts.map, 'utf8'));
  else {
    for await (const row of readRows(file, opts.format)) {
      if ('record' in row) input = suggestMapping(Object.keys(row.record), opts.kind);
      break;
    }
    if (!opts.json)
      process.stderr.write(
        `No --map given; using the suggested mapping:\n${JSON.stringify(input, null, 2)}\n`,
      );
  }
  const parsed = ImportMapping.safeParse({ ...(input as object), kind: opts.kind });
  if (!parsed.success)
    throw new InvalidArgumentError(
      `mapping: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** `cdp import FILE --kind profiles|events|orders --source NAME [--map mapping.json]`. */
export function registerImportCommand(program: Command, withCore: WithCore): void {
  program
    .command('import')
    .description(
      'Import a CSV, JSONL or Excel file of members, events or orders (streamed; re-importing stores nothing twice)',
    )
    .argument('<file>', 'a .csv, .jsonl or .xlsx file')
    .addOption(
      new Option('--kind <kind>', 'what the rows are').choices(ImportKind.options).makeOptionMandatory(),
    )
    .requiredOption('--source <name>', 'source the rows are recorded under (created if missing)')
    .option('--map <mapping.json>', 'column mapping (default: suggested from the headers)')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices([
        'csv',
        'jsonl',
        'xlsx',
      ]),
    )
    .option('--errors <report.csv>', 'where rejected rows go (default: <file>.errors.csv)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: ImportOptions) => {
      if (!existsSync(file)) throw new InvalidArgumentError(`no such file: ${file}`);
      const mapping = await mappingFor(file, opts);
      const reportPath = opts.errors ?? `${file}.errors.csv`;
      const bar =
        !opts.json && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              {
                format: 'import [{bar}] {percentage}% | {rows} rows | {rejected} rejected',
                stream: process.stderr,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
      bar?.start(100, 0, { rows: 0, rejected: 0 });
      const summary = await withCore(async (services) => {
        const result = await services.imports.importFile({
          workspaceId: DEFAULT_WORKSPACE,
          path: file,
          format: opts.format,
          mapping,
          sourceName: opts.source,
          errorReport: createWriteStream(reportPath),
          onProgress: (p) =>
            bar?.update(p.totalBytes ? Math.floor((100 * (p.bytesRead ?? 0)) / p.totalBytes) : 0, {
              rows: p.rows,
              rejected: p.rejected,
            }),
        });
        // identities and profiles are built before the command returns
        await services.pipeline.drain();
        return result;
      });
      bar?.update(100);
      bar?.stop();
      const { errors, ...counts } = summary;
      const text =
        `Imported ${counts.imported} of ${counts.rows} rows (${counts.duplicates} already there, ${counts.rejected} rejected` +
        `${counts.rejected ? `: see ${reportPath}` : ''}).`;
      process.stdout.write(
        opts.json
          ? `${JSON.stringify({ ...counts, errorReport: reportPath, errors }, null, 2)}\n`
          : `${text}\n`,
      );
    });
}
