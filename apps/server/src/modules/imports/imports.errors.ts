import { AppError } from '../../platform/errors.ts';

export const unsupportedFormat = (path: string) =>
  new AppError(
    'unsupported_media_type',
    'import_unsupported_format',
    `Cannot tell the format of ${path}: use a .csv, .jsonl (.ndjson) or .xlsx file, or name the format`,
  );

export const duplicateColumn = (name: string) =>
  new AppError('invalid', 'import_duplicate_column', `The header names column "${name}" twice`);

export const noWorksheet = (path: string) =>
  new AppError('invalid', 'import_no_worksheet', `${path} has no worksheet`);
