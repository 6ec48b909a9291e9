import { ApiError } from '@cdp/sdk';
import { describe, expect, it } from 'vitest';
import { CATEGORY_FIELDS, errorField, fieldErrorOf, isUnder } from './fieldErrors.ts';

describe('server errors on editor fields', () => {
  it('reads both error path forms as a dotted field path', () => {
    expect(errorField('body/spec/rules/1/value')).toBe('spec.rules.1.value');
    expect(errorField('spec.rules.1.value')).toBe('spec.rules.1.value');
    expect(errorField('update.mode')).toBe('update.mode');
    expect(errorField('body/name')).toBe('name');
    expect(errorField('body/timeZone')).toBeNull();
    expect(errorField('')).toBeNull();
    expect(errorField(undefined)).toBeNull();
    expect(errorField('body/parentId', CATEGORY_FIELDS)).toBe('parentId');
    expect(errorField('body/parentId')).toBeNull();
  });

  it('matches a field and what is inside it, not its namesakes', () => {
    expect(isUnder('spec.rules.1.value', 'spec.rules.1')).toBe(true);
    expect(isUnder('spec.rules.1', 'spec.rules.1')).toBe(true);
    expect(isUnder('spec.rules.10', 'spec.rules.1')).toBe(false);
    expect(isUnder(null, 'spec')).toBe(false);
  });

  it('pins a 4xx error with its message stripped of the path', () => {
    const zod = new ApiError(400, 'invalid_request', 'body/spec/path: Too small', 'body/spec/path');
    expect(fieldErrorOf(zod)).toEqual({ field: 'spec.path', message: 'Too small' });
    const service = new ApiError(
      400,
      'value_type_mismatch',
      '"x" is not a number value',
      'spec.defaultValue',
    );
    expect(fieldErrorOf(service)).toEqual({
      field: 'spec.defaultValue',
      message: '"x" is not a number value',
    });
    expect(fieldErrorOf(new ApiError(500, 'internal', 'boom', 'name'))).toBeNull();
    expect(fieldErrorOf(new Error('x'))).toBeNull();
  });
});
