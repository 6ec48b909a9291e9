import { AppError } from '../../platform/errors.ts';

/** The traits module's closed set of error codes. */
export type TraitsErrorCode =
  | 'tag_not_found'
  | 'tag_category_not_found'
  | 'tag_name_taken'
  | 'tag_category_not_empty'
  | 'tag_in_use'
  | 'tag_archived'
  | 'tag_not_imported'
  | 'value_type_mismatch'
  | 'unknown_tag_dependency'
  | 'tag_dependency_cycle'
  | 'realtime_not_supported'
  | 'profile_not_found'
  | 'as_of_before_last_compute'
  | 'import_missing_columns'
  | 'tag_category_name_taken'
  | 'tag_category_cycle';

const error = (
  kind: 'invalid' | 'not_found' | 'conflict',
  code: TraitsErrorCode,
  message: string,
  path?: string,
) => new AppError(kind, code, message, path === undefined ? {} : { path });

export const tagNotFound = (id: string) => error('not_found', 'tag_not_found', `Tag ${id} not found`);
export const categoryNotFound = (id: string, path?: string) =>
  error(path ? 'invalid' : 'not_found', 'tag_category_not_found', `Tag category ${id} not found`, path);
export const tagNameTaken = (name: string) =>
  error('conflict', 'tag_name_taken', `A tag named ${name} already exists`, 'name');
export const categoryNotEmpty = (id: string) =>
  error('conflict', 'tag_category_not_empty', `Category ${id} still holds tags or categories`);
export const categoryCycle = () =>
  error('invalid', 'tag_category_cycle', 'A category cannot be its own ancestor', 'parentId');
export const tagInUse = (id: string, users: readonly string[]) =>
  error('conflict', 'tag_in_use', `Tag ${id} is read by ${users.join(', ')}`);
export const tagArchived = (id: string) =>
  error('conflict', 'tag_archived', `Tag ${id} is archived: un-archive it first`);
export const tagNotImported = (id: string) =>
  error('invalid', 'tag_not_imported', `Tag ${id} is not an imported tag`, 'spec.kind');
export const valueTypeMismatch = (message: string, path: string) =>
  error('invalid', 'value_type_mismatch', message, path);
export const unknownTagDependency = (tagId: string, path: string) =>
  error('invalid', 'unknown_tag_dependency', `The definition reads tag ${tagId}, which does not exist`, path);
export const tagDependencyCycle = (cycle: readonly string[]) =>
  error('invalid', 'tag_dependency_cycle', `A tag cannot depend on itself: ${cycle.join(' → ')}`, 'spec');
export const realtimeNotSupported = (why: string) =>
  error('invalid', 'realtime_not_supported', `This tag cannot be realtime: ${why}`, 'update.mode');
export const profileNotFound = (id: string) =>
  error('not_found', 'profile_not_found', `Profile ${id} not found`);
export const asOfBeforeLastCompute = (last: string) =>
  error(
    'invalid',
    'as_of_before_last_compute',
    `asOf must not precede the last computation (${last})`,
    'asOf',
  );
export const importMissingColumns = (columns: readonly string[]) =>
  error('invalid', 'import_missing_columns', `The CSV header lacks ${columns.join(', ')}`, 'csv');
export const categoryNameTaken = (name: string) =>
  error('conflict', 'tag_category_name_taken', `A sibling category named ${name} already exists`, 'name');
