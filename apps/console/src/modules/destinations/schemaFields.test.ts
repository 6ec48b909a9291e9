import { describe, expect, it } from 'vitest';
import { type FormField, fieldOf, humanise, shapeOf, visibleFields } from './schemaFields.ts';
import { SMS, SMS_SECRETS, SQL_TABLE, WEBHOOK, WEBHOOK_SECRETS } from './schemas.test-helper.ts';

const byName = (fields: readonly FormField[], name: string) => {
  const field = fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}`);
  return field;
};

describe('shapeOf', () => {
  it('reads an object schema into typed fields with defaults, limits, help and secrets', () => {
    const shape = shapeOf(WEBHOOK, WEBHOOK_SECRETS);
    if (shape?.kind !== 'fields') throw new Error('expected fields');
    expect(shape.fields.map((f) => [f.name, f.kind, f.required, f.secret])).toEqual([
      ['url', 'uri', true, false],
      ['method', 'enum', false, false],
      ['headers', 'record', false, false],
      ['secretHeaders', 'record', false, true],
      ['bodyTemplate', 'textarea', false, false],
      ['signingSecret', 'text', false, true],
      ['timeoutMs', 'number', false, false],
    ]);
    expect(byName(shape.fields, 'url').description).toBe('The URL that receives each delivery');
    expect(byName(shape.fields, 'method')).toMatchObject({
      options: ['POST', 'PUT', 'PATCH'],
      default: 'POST',
    });
    expect(byName(shape.fields, 'timeoutMs')).toMatchObject({ integer: true, min: 1000, max: 15000 });
  });

  it('reads oneOf branches told apart by a const property as a union', () => {
    const shape = shapeOf(SMS, SMS_SECRETS);
    if (shape?.kind !== 'union') throw new Error('expected a union');
    expect(shape.discriminator).toBe('provider');
    expect(shape.branches.map((b) => [b.value, b.description])).toEqual([
      ['generic', 'Any HTTP SMS gateway'],
      ['aliyun', 'Alibaba Cloud SMS'],
    ]);
    // the discriminator is picked above the branch, not repeated as a field
    expect(shape.branches[0].fields.map((f) => f.name)).not.toContain('provider');
    expect(byName(shape.branches[0].fields, 'success')).toMatchObject({ kind: 'object', required: false });
    expect(byName(shape.branches[1].fields, 'accessKeySecret')).toMatchObject({ kind: 'text', secret: true });
    expect(visibleFields(shape, 'aliyun')).toBe(shape.branches[1].fields);
    expect(visibleFields(shape, undefined)).toBe(shape.branches[0].fields);
  });

  it('reads lists, nullable values and object lists; falls back to JSON for the rest', () => {
    const shape = shapeOf(SQL_TABLE);
    if (shape?.kind !== 'fields') throw new Error('expected fields');
    const kinds = Object.fromEntries(shape.fields.map((f) => [f.name, f.kind]));
    expect(kinds).toEqual({
      dialect: 'enum',
      columns: 'objectList',
      identifiers: 'enumList',
      keyColumns: 'stringList',
      deleteOnExit: 'boolean',
      batchSize: 'number',
      extra: 'json',
    });
    const columns = byName(shape.fields, 'columns');
    if (columns.kind !== 'objectList' || columns.shape.kind !== 'fields') throw new Error('object list');
    expect(columns.shape.fields.map((f) => [f.name, f.required])).toEqual([
      ['column', true],
      ['value', true],
    ]);
  });

  it('uses a text area for templates and bodies', () => {
    expect(fieldOf('htmlTemplate', { type: 'string' }, true, false).kind).toBe('textarea');
    expect(fieldOf('body', { type: 'string' }, false, false).kind).toBe('textarea');
    expect(fieldOf('subject', { type: 'string' }, false, false).kind).toBe('text');
  });

  it('is undefined for schemas that are no object', () => {
    expect(shapeOf({ type: 'string' })).toBeUndefined();
  });
});

describe('humanise', () => {
  it('turns field names into labels', () => {
    expect(humanise('timeoutMs')).toBe('Timeout ms');
    expect(humanise('secret_headers')).toBe('Secret headers');
    expect(humanise('url')).toBe('Url');
  });
});
