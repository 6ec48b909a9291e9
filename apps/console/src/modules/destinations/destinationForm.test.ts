import type { Destination, DestinationTypeInfo } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import {
  configShape,
  createBody,
  formFromDestination,
  newDestinationForm,
  updateBody,
} from './destinationForm.ts';
import { WEBHOOK, WEBHOOK_SECRETS } from './schemas.test-helper.ts';

const type: DestinationTypeInfo = {
  type: 'webhook',
  category: 'webhook',
  label: { 'zh-CN': 'Webhook', en: 'Webhook' },
  accepts: ['event', 'audience_change', 'message'],
  purposes: ['analytics'],
  secrets: WEBHOOK_SECRETS,
  configSchema: WEBHOOK,
};
const stored: Destination = {
  id: 'dst_1',
  name: '订单 Webhook',
  type: 'webhook',
  config: { url: 'https://hooks.example.cn/orders', method: 'POST' },
  secretsSet: ['signingSecret'],
  purposes: ['analytics', 'service'],
  enabled: true,
  disabledReason: null,
  concurrency: 4,
  ratePerSecond: 20,
  retryHours: 8,
  version: 2,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('destination form', () => {
  const shape = configShape(type);

  it('starts a new destination with the type’s purposes and the server’s limits', () => {
    const form = newDestinationForm(type, shape);
    expect(form).toMatchObject({ name: '', purposes: ['analytics'], concurrency: 10, ratePerSecond: null });
    const body = createBody(
      'webhook',
      { ...form, name: ' 订单 ', config: { ...form.config, url: 'https://a.cn' } },
      shape,
    );
    expect(body).toEqual({
      type: 'webhook',
      name: '订单',
      purposes: ['analytics'],
      concurrency: 10,
      ratePerSecond: null,
      retryHours: 4,
      config: { url: 'https://a.cn', method: 'POST', timeoutMs: 10000 },
    });
  });

  it('edits a stored destination without sending the secrets back unless retyped', () => {
    const form = formFromDestination(stored, shape);
    expect(form).toMatchObject({ name: '订单 Webhook', concurrency: 4, ratePerSecond: 20, retryHours: 8 });
    expect(form.config.signingSecret).toBe('');
    const body = updateBody(form, shape);
    expect(body.config).toEqual({ url: 'https://hooks.example.cn/orders', method: 'POST', timeoutMs: 10000 });
    const retyped = updateBody({ ...form, config: { ...form.config, signingSecret: 'whsec_new=' } }, shape);
    expect(retyped.config?.signingSecret).toBe('whsec_new=');
  });

  it('gives a schema that is no object an empty form', () => {
    expect(configShape({ ...type, configSchema: { type: 'string' } })).toEqual({
      kind: 'fields',
      fields: [],
    });
  });
});
