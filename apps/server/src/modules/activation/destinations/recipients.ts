import { z } from 'zod';
import { normalizeEmail, normalizePhone } from '../../identity/index.ts';
import type { DeliveryMessage } from '../destination.ts';
import { checkTemplate } from '../templates.ts';

/**
 * What the message destinations (e-mail, SMS, WeChat) share: the scope their Liquid templates
 * render over, and where they find the person to write to.
 */

/** A Liquid template field, parsed when the config is saved: a typo fails there, not in every delivery. */
export function liquidTemplate() {
  return z
    .string()
    .max(100_000)
    .superRefine((template, ctx) => {
      try {
        checkTemplate(template);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `template: ${err instanceof Error ? err.message : err}` });
      }
    });
}

/**
 * The template scope: `{ profile, traits, event, audience, change, data, delivery }` plus the
 * destination's own names (`email`, `phone`). `traits` are the profile's, or the event's when the
 * delivery carries no profile.
 */
export function templateScope(
  message: DeliveryMessage,
  extra: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    profile: message.profile ?? null,
    traits: message.profile?.traits ?? message.event?.traits ?? {},
    event: message.event ?? null,
    audience: message.audience ?? null,
    change: message.change ?? null,
    data: message.data,
    delivery: { id: message.id, kind: message.kind, at: message.at },
    ...extra,
  };
}

/**
 * The value at a dotted path (`result.code`, `contact.email`), own properties only: a path typed
 * in the console must not reach `__proto__` or `constructor`.
 */
export function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The values of a profile's identifiers of one type, in the profile's order. */
export function identifierValues(message: DeliveryMessage, type: string): string[] {
  return (message.profile?.identifiers ?? []).filter((i) => i.type === type).map((i) => i.value);
}

function traitValue(message: DeliveryMessage, trait: string | undefined): unknown {
  if (!trait) return undefined;
  return valueAt(message.profile?.traits ?? message.event?.traits ?? {}, trait);
}

/**
 * The e-mail address: the first identifier of `identifier` type (already normalised), else the
 * trait, normalised here since traits are as typed. Undefined when neither holds a valid address.
 */
export function emailRecipient(
  message: DeliveryMessage,
  to: { readonly identifier: string; readonly trait?: string | undefined },
): string | undefined {
  const [first] = identifierValues(message, to.identifier);
  if (first) return first;
  const fromTrait = normalizeEmail(traitValue(message, to.trait));
  return fromTrait.valid ? (fromTrait.value ?? undefined) : undefined;
}

/** The phone number in E.164: the first `phone` identifier, else the trait (read as a Chinese number). */
export function phoneRecipient(message: DeliveryMessage, trait: string | undefined): string | undefined {
  const [first] = identifierValues(message, 'phone');
  if (first) return first;
  return normalizePhone(traitValue(message, trait)).e164 ?? undefined;
}
