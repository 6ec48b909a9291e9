import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Definition, RuleTagSpec } from '@cdp/protocol';
import type { ProfileSnapshot } from '../query/index.ts';
import { evaluateCases } from './ordered-cases.ts';
import { casesOf } from './tag-spec.ts';

const spent = (value: number): Definition => ({
  kind: 'event',
  event: 'Order Completed',
  measure: { type: 'aggregate', function: 'sum', path: ['revenue'], test: { operator: 'gte', value } },
});
const person = (...revenues: number[]): ProfileSnapshot => ({
  traits: {},
  identifiers: [],
  tags: {},
  audiences: [],
  events: revenues.map((revenue, i) => ({
    type: 'track',
    event: 'Order Completed',
    timestamp: new Date(Date.UTC(2026, 0, i + 1)),
    properties: { revenue },
  })),
});
const options = { asOf: new Date(Date.UTC(2026, 5, 1)) };

describe('rule tag cases', () => {
  const spec: RuleTagSpec = {
    kind: 'rule',
    rules: [
      { value: '高价值', definition: spent(1000) },
      { value: '中价值', definition: spent(300) },
      { value: '低价值', definition: spent(1) },
    ],
    defaultValue: null,
  };
  const { cases, defaultValue } = casesOf(spec);

  it('gives the value of the first rule that holds, in the order written', () => {
    assert.equal(evaluateCases(cases, defaultValue, person(800, 700), options), '高价值');
    assert.equal(evaluateCases(cases, defaultValue, person(400), options), '中价值');
    assert.equal(evaluateCases(cases, defaultValue, person(5), options), '低价值');
    assert.equal(evaluateCases([...cases].reverse(), defaultValue, person(800, 700), options), '低价值');
  });

  it('falls back to the default, or to no value', () => {
    assert.equal(evaluateCases(cases, defaultValue, person(), options), null);
    assert.equal(evaluateCases(cases, '未购买', person(), options), '未购买');
  });

  it('reads one definition as true when it holds and false otherwise', () => {
    const single = casesOf({ kind: 'rule', definition: spent(100), defaultValue: null });
    assert.equal(evaluateCases(single.cases, single.defaultValue, person(150), options), true);
    assert.equal(evaluateCases(single.cases, single.defaultValue, person(50), options), false);
  });
});
