import { describe, expect, it } from 'vitest';
import { type FormValues, initialValues, showsField, switchBranch, toConfig } from './configValues.ts';
import { type Shape, shapeOf } from './schemaFields.ts';
import { SMS, SMS_SECRETS, SQL_TABLE, WEBHOOK, WEBHOOK_SECRETS } from './schemas.test-helper.ts';

const shape = (schema: Parameters<typeof shapeOf>[0], secrets: string[] = []): Shape => {
  const s = shapeOf(schema, secrets);
  if (!s) throw new Error('no shape');
  return s;
};
const webhook = shape(WEBHOOK, WEBHOOK_SECRETS);
const sms = shape(SMS, SMS_SECRETS);

describe('initialValues', () => {
  it('pre-fills the defaults of a new config', () => {
    expect(initialValues(webhook)).toEqual({
      url: '',
      method: 'POST',
      headers: [],
      secretHeaders: [],
      bodyTemplate: '',
      signingSecret: '',
      timeoutMs: 10000,
    });
  });

  it('loads a stored config: records as rows, secrets (never returned) empty', () => {
    const values = initialValues(webhook, {
      url: 'https://hooks.example.cn/x',
      method: 'PUT',
      headers: { 'x-shop': '上海店' },
    });
    expect(values).toMatchObject({
      url: 'https://hooks.example.cn/x',
      method: 'PUT',
      headers: [{ key: 'x-shop', value: '上海店' }],
      secretHeaders: [],
      signingSecret: '',
    });
  });

  it('picks the union branch of the stored discriminator, the first one otherwise', () => {
    expect(initialValues(sms).provider).toBe('generic');
    const aliyun = initialValues(sms, { provider: 'aliyun', accessKeyId: 'LTAI' });
    expect(aliyun).toMatchObject({ provider: 'aliyun', accessKeyId: 'LTAI', regionId: 'cn-hangzhou' });
    expect(aliyun.retryableCodes).toEqual(['isv.BUSINESS_LIMIT_CONTROL', 'Throttling*']);
  });

  it('fills nested objects and object lists', () => {
    const sql = shape(SQL_TABLE);
    const values = initialValues(sql, { columns: [{ column: 'id', value: 'message.id' }] });
    expect(values.columns).toEqual([{ column: 'id', value: 'message.id' }]);
    expect(values.dialect).toBeNull();
    expect(values.deleteOnExit).toBe(false);
    expect(initialValues(sms).success).toEqual({ path: '', equals: '' });
  });
});

describe('switchBranch', () => {
  it('takes the new branch’s defaults and keeps what was typed into shared fields', () => {
    const generic: FormValues = {
      ...initialValues(sms),
      phoneTrait: 'mobile',
      url: 'https://sms.example.cn',
    };
    const aliyun = switchBranch(sms, generic, 'aliyun');
    expect(aliyun.provider).toBe('aliyun');
    expect(aliyun.phoneTrait).toBe('mobile');
    // left at the generic default ([]): the aliyun default applies
    expect(aliyun.retryableCodes).toEqual(['isv.BUSINESS_LIMIT_CONTROL', 'Throttling*']);
    expect(aliyun.regionId).toBe('cn-hangzhou');
  });
});

describe('toConfig', () => {
  it('sends what was filled in, leaving empty optional fields to the server’s defaults', () => {
    const values = {
      ...initialValues(webhook),
      url: ' https://hooks.example.cn/orders ',
      headers: [
        { key: 'x-shop', value: 'sh' },
        { key: ' ', value: 'dropped' },
      ],
      signingSecret: 'whsec_abc=',
    };
    expect(toConfig(webhook, values)).toEqual({
      url: 'https://hooks.example.cn/orders',
      method: 'POST',
      headers: { 'x-shop': 'sh' },
      signingSecret: 'whsec_abc=',
      timeoutMs: 10000,
    });
  });

  it('leaves out secrets left empty, so that the stored ones are kept', () => {
    const config = toConfig(webhook, { ...initialValues(webhook, { url: 'https://a.example.cn' }) });
    expect(config).not.toHaveProperty('signingSecret');
    expect(config).not.toHaveProperty('secretHeaders');
    const typed = toConfig(webhook, {
      ...initialValues(webhook),
      secretHeaders: [{ key: 'authorization', value: 'Bearer x' }],
    });
    expect(typed.secretHeaders).toEqual({ authorization: 'Bearer x' });
  });

  it('sends only the chosen branch of a union, with its discriminator', () => {
    const values = { ...initialValues(sms), url: 'https://sms.example.cn', bodyTemplate: '{{ phone }}' };
    const aliyun = { ...switchBranch(sms, values, 'aliyun'), accessKeyId: 'LTAI', accessKeySecret: 's3' };
    expect(toConfig(sms, aliyun)).toEqual({
      provider: 'aliyun',
      accessKeyId: 'LTAI',
      accessKeySecret: 's3',
      regionId: 'cn-hangzhou',
      retryableCodes: ['isv.BUSINESS_LIMIT_CONTROL', 'Throttling*'],
    });
    // an optional object left empty is left out; cleared codes whose default is not empty are kept
    expect(toConfig(sms, { ...values, retryableCodes: [] })).toEqual({
      provider: 'generic',
      url: 'https://sms.example.cn',
      bodyTemplate: '{{ phone }}',
    });
    expect(toConfig(sms, { ...aliyun, retryableCodes: [] }).retryableCodes).toEqual([]);
  });

  it('converts lists, object lists and JSON fields', () => {
    const sql = shape(SQL_TABLE);
    const values = {
      ...initialValues(sql),
      dialect: 'postgres',
      columns: [{ column: 'id', value: 'message.id' }],
      keyColumns: [' id ', ''],
      batchSize: 500,
      extra: '{"a": 1}',
    };
    expect(toConfig(sql, values)).toEqual({
      dialect: 'postgres',
      columns: [{ column: 'id', value: 'message.id' }],
      keyColumns: ['id'],
      deleteOnExit: false,
      batchSize: 500,
      extra: { a: 1 },
    });
    expect(toConfig(sql, { ...values, extra: '{oops' }).extra).toBe('{oops');
  });
});

describe('showsField', () => {
  it('tells whether a server error can be pinned on a field of the form', () => {
    const values = initialValues(sms);
    expect(showsField(sms, values, 'config.url')).toBe(true);
    expect(showsField(sms, values, 'config.success.path')).toBe(true);
    expect(showsField(sms, values, 'config.provider')).toBe(true);
    expect(showsField(sms, values, 'config.accessKeyId')).toBe(false);
    expect(showsField(sms, values, 'config')).toBe(false);
    expect(showsField(webhook, initialValues(webhook), 'name')).toBe(false);
  });
});
