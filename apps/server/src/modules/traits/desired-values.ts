import type { Tag } from '@cdp/protocol';
import type { RawBuilder } from 'kysely';
import { clockOf, type EvaluationOptions } from '../query/index.ts';
import { compileCases } from './compile-cases.ts';
import { compileComputed } from './compile-computed.ts';
import { compileImported } from './compile-imported.ts';
import { compileRfm } from './compile-rfm.ts';
import type { DesiredRow, TagScope } from './tag-scope.ts';

/** What a tag needs to be computed. */
export type ComputableTag = Pick<Tag, 'id' | 'valueType' | 'spec' | 'timeZone'>;

/** The values a tag should hold now for the profiles in scope: `(profile_id, value, details)` rows. */
export function desiredValues(tag: ComputableTag, scope: TagScope, asOf: Date): RawBuilder<DesiredRow> {
  const options: EvaluationOptions = { asOf, timeZone: tag.timeZone };
  const spec = tag.spec;
  switch (spec.kind) {
    case 'rule':
    case 'lifecycle':
      return compileCases(spec, scope, options);
    case 'computed':
      return compileComputed(spec, tag.valueType, scope, clockOf(options));
    case 'rfm':
      return compileRfm(spec, scope, clockOf(options));
    case 'imported':
      return compileImported(tag.id, scope);
  }
}
