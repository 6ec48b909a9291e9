import { z } from 'zod';

/** What the data holds, for the builders' pickers: event names, their properties, traits and values. */

export const VocabularyQuery = z
  .object({
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type VocabularyQueryInput = z.input<typeof VocabularyQuery>;

export const EventNames = z.object({
  items: z.array(z.object({ name: z.string(), count: z.number().int(), lastSeenAt: z.string() })),
});
export type EventNames = z.infer<typeof EventNames>;

const JsonTypes = z.array(z.enum(['string', 'number', 'boolean', 'object', 'array']));

export const EventProperties = z.object({
  items: z.array(z.object({ path: z.array(z.string()), types: JsonTypes, samples: z.array(z.unknown()) })),
});
export type EventProperties = z.infer<typeof EventProperties>;

export const TraitKeys = z.object({
  items: z.array(z.object({ key: z.string(), count: z.number().int(), types: JsonTypes })),
});
export type TraitKeys = z.infer<typeof TraitKeys>;

export const TraitValues = z.object({
  items: z.array(z.object({ value: z.unknown(), count: z.number().int() })),
});
export type TraitValues = z.infer<typeof TraitValues>;
