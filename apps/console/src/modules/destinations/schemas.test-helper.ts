import type { JsonSchema } from './schemaFields.ts';

/** Config schemas as the server sends them (trimmed copies of the webhook, SMS and SQL table types). */

export const WEBHOOK: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    url: {
      type: 'string',
      maxLength: 2000,
      format: 'uri',
      description: 'The URL that receives each delivery',
    },
    method: { default: 'POST', description: 'HTTP method', type: 'string', enum: ['POST', 'PUT', 'PATCH'] },
    headers: {
      default: {},
      type: 'object',
      propertyNames: { type: 'string' },
      additionalProperties: { type: 'string', maxLength: 8000 },
    },
    secretHeaders: {
      default: {},
      type: 'object',
      propertyNames: { type: 'string' },
      additionalProperties: { type: 'string', maxLength: 8000 },
    },
    bodyTemplate: { type: 'string', maxLength: 100000 },
    signingSecret: { type: 'string', pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$' },
    timeoutMs: { default: 10000, type: 'integer', minimum: 1000, maximum: 15000 },
  },
  required: ['url'],
};
export const WEBHOOK_SECRETS = ['secretHeaders', 'signingSecret'];

export const SMS: JsonSchema = {
  oneOf: [
    {
      type: 'object',
      properties: {
        url: { type: 'string', format: 'uri' },
        bodyTemplate: { type: 'string', minLength: 1 },
        retryableCodes: { default: [], type: 'array', items: { type: 'string', minLength: 1 } },
        success: {
          type: 'object',
          properties: { path: { type: 'string', minLength: 1 }, equals: { type: 'string' } },
          required: ['path', 'equals'],
        },
        provider: { type: 'string', const: 'generic', description: 'Any HTTP SMS gateway' },
        phoneTrait: { type: 'string' },
      },
      required: ['url', 'bodyTemplate', 'provider'],
    },
    {
      type: 'object',
      properties: {
        provider: { type: 'string', const: 'aliyun', description: 'Alibaba Cloud SMS' },
        accessKeyId: { type: 'string', minLength: 1 },
        accessKeySecret: { type: 'string', minLength: 1 },
        regionId: { default: 'cn-hangzhou', type: 'string', minLength: 1 },
        retryableCodes: {
          default: ['isv.BUSINESS_LIMIT_CONTROL', 'Throttling*'],
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
        phoneTrait: { type: 'string' },
      },
      required: ['provider', 'accessKeyId', 'accessKeySecret'],
    },
  ],
};
export const SMS_SECRETS = ['secretHeaders', 'accessKeySecret'];

export const SQL_TABLE: JsonSchema = {
  type: 'object',
  properties: {
    dialect: { type: 'string', enum: ['postgres', 'mysql'] },
    columns: {
      minItems: 1,
      type: 'array',
      items: {
        type: 'object',
        properties: { column: { type: 'string' }, value: { type: 'string', minLength: 1 } },
        required: ['column', 'value'],
      },
    },
    identifiers: { type: 'array', items: { type: 'string', enum: ['phone', 'email'] } },
    keyColumns: { minItems: 1, type: 'array', items: { type: 'string' } },
    deleteOnExit: { default: false, type: 'boolean' },
    batchSize: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
    extra: { type: 'object', additionalProperties: { type: 'number' } },
  },
  required: ['dialect', 'columns'],
};
