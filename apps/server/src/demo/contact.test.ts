import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailAddress, mobileNumber, typedPhone } from './contact.ts';
import { createCustomer } from './customer.ts';
import { randomName } from './names.ts';
import { Rng } from './random.ts';
import { createRun, MAX_PROFILES } from './run.ts';

const MOBILE = /^1(3\d|5[0-35-9]|7[013-8]|8\d|9[1358-9])\d{8}$/;

/** Indices at both ends of the supported range. */
const INDICES = [
  ...Array.from({ length: 20_000 }, (_, i) => i),
  ...Array.from({ length: 20_000 }, (_, i) => MAX_PROFILES - 1 - i),
];

test('phones, e-mails and member numbers are unique per customer, up to MAX_PROFILES', () => {
  const run = createRun({ profiles: 1, seed: 9 });
  const phones = new Set<string>();
  const emails = new Set<string>();
  for (const index of INDICES) {
    const rng = new Rng(9, 5, index);
    const phone = mobileNumber(rng, run.contact, index);
    assert.match(phone, MOBILE);
    phones.add(phone.slice(3)); // the tail alone is already unique
    const email = emailAddress(rng, run.contact, index, randomName(rng, 'female', 1990), 1990);
    if (email !== null) {
      assert.ok(!emails.has(email), `duplicate ${email}`);
      emails.add(email);
    }
  }
  assert.equal(phones.size, INDICES.length);
  assert.ok(emails.size > INDICES.length / 3);

  const members = new Set<string>();
  let count = 0;
  for (const index of INDICES.slice(0, 5_000).concat(INDICES.slice(-5_000))) {
    const c = createCustomer(run, new Rng(9, 1, index), index);
    if (c.memberNo === null) continue;
    assert.match(c.memberNo, /^M\d{10}$/);
    members.add(c.memberNo);
    count++;
  }
  assert.equal(members.size, count);
});

test('typed phones keep the number recoverable', () => {
  const rng = new Rng(1);
  const formats = new Set<string>();
  for (let i = 0; i < 5_000; i++) {
    const typed = typedPhone(rng, '13800138000');
    formats.add(typed.replace(/\d/g, '9'));
    assert.equal(typed.replace(/[\s-]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, ''), '13800138000');
  }
  assert.ok(formats.size >= 6, `only ${formats.size} formats`);
});

test('the PRNG is stable across versions (golden values)', () => {
  const rng = new Rng(1, 0, 0);
  const values = [rng.u32(), rng.u32(), rng.u32()];
  assert.deepEqual(values, GOLDEN);
  assert.notDeepEqual([new Rng(2).u32()], [new Rng(1).u32()]);
  assert.notDeepEqual([new Rng(1, 0, 1).u32()], [new Rng(1, 0, 0).u32()]);
});

const GOLDEN = [1757442782, 2255962709, 417258004];
