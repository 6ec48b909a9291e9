export { type ErrorReport, errorReport, type ReportedIssue } from './error-report.ts';
export { ImportJobsService } from './import-jobs.service.ts';
export {
  ColumnTarget,
  EVENT_FIELDS,
  type EventField,
  ImportKind,
  ImportMapping,
  type ImportMappingInput,
  ValueType,
} from './import-mapping.ts';
export { importsRoutes } from './imports.routes.ts';
export { type ImportFileOptions, ImportsService } from './imports.service.ts';
export type { ImportsTables } from './imports.tables.ts';
export { type ImportMessage, type MapContext, type MapResult, mapRow } from './map-row.ts';
export { type NormalizedTimestamp, normalizeTimestamp } from './normalize-timestamp.ts';
export { formatOf, readRows } from './read-rows.ts';
export {
  type ImportProgress,
  type ImportSummary,
  type RunImportOptions,
  runImport,
  type SubmitStatus,
} from './run-import.ts';
export type { ImportFormat, ReadOptions, RowIssue, RowIssueReason, SourceRow } from './source-row.ts';
export { suggestMapping } from './suggest-mapping.ts';
