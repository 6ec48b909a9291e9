import { Liquid } from 'liquidjs';
import { PermanentError } from './destination.ts';

/**
 * Liquid templates (webhook bodies, e-mail subjects and bodies, SMS and WeChat fields) over an
 * event, a profile and an audience. No file access (`include`/`render` find nothing), own properties
 * only, bounded parse size, render time and memory: a template is configuration typed in the
 * console, so it must not reach the server's files or stall a worker.
 */
const liquid = new Liquid({
  templates: {},
  ownPropertyOnly: true,
  strictFilters: true,
  cache: 500,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});

/**
 * Most characters a render may produce. Liquid's own limits bound time and some allocations, not
 * the output: a loop over a large value could otherwise build a body of hundreds of megabytes.
 */
export const TEMPLATE_OUTPUT_LIMIT = 1_000_000;

/** Parses a template: throws the parse error (for validation when a config is saved). */
export function checkTemplate(template: string): void {
  liquid.parse(template);
}

/** Renders a template; a template that cannot render is a permanent failure of the delivery. */
export async function renderTemplate(
  template: string,
  scope: Readonly<Record<string, unknown>>,
): Promise<string> {
  let output: string;
  try {
    output = String(await liquid.parseAndRender(template, scope));
  } catch (err) {
    throw new PermanentError(`template: ${err instanceof Error ? err.message : String(err)}`);
  }
  // checked before anything reads the characters: the concatenated output is not copied until then
  if (output.length > TEMPLATE_OUTPUT_LIMIT)
    throw new PermanentError(`template: output longer than ${TEMPLATE_OUTPUT_LIMIT} characters`);
  return output;
}
