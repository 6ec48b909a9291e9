import { hash } from 'node:crypto';

const sha1 = (text: string) => hash('sha1', text, 'hex');

/**
 * JSON with object keys sorted at every level (code-unit order), so that equal content gives equal
 * text whatever the order of the mapping's columns. Plain loops: this runs for every row.
 */
export function stableJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '';
    for (const item of value) text += `${text === '' ? '' : ','}${stableJson(item)}`;
    return `[${text}]`;
  }
  const object = value as Record<string, unknown>;
  let text = '';
  for (const key of Object.keys(object).sort()) {
    if (object[key] !== undefined)
      text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${stableJson(object[key])}`;
  }
  return `{${text}}`;
}

/**
 * Message ids that make a re-import of the same file a no-op (the server keeps one message per source
 * and messageId): an order's id follows from its order id alone, so a changed order comes back as a
 * `conflict`; any other message's id is the hash of its content (never of its row number), so a
 * changed row is a new message and the same row twice is one.
 */
export const orderMessageId = (orderId: string) => `imp-order-${sha1(orderId)}`;
/** `json`: the message without messageId, as `stableJson` writes it. */
export const contentMessageId = (json: string) => `imp-${sha1(json)}`;
