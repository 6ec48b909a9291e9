import type {
  CreateDestinationInput,
  Destination,
  DestinationTypeInfo,
  Purpose,
  UpdateDestinationInput,
} from '@cdp/protocol';
import { type FormValues, initialValues, toConfig } from './configValues.ts';
import { type Shape, shapeOf } from './schemaFields.ts';

/** What the destination editor edits: the common settings and the type's config. */
export interface DestinationForm {
  readonly name: string;
  readonly purposes: readonly Purpose[];
  /** deliveries in flight at once */
  readonly concurrency: number;
  /** requests per second; null = unlimited */
  readonly ratePerSecond: number | null;
  readonly retryHours: number;
  readonly config: FormValues;
}

/** The server's defaults (CreateDestinationBody). */
export const DEFAULT_LIMITS = { concurrency: 10, ratePerSecond: null, retryHours: 4 } as const;

/** The form shape of a type's config; an empty form when the schema is not an object. */
export function configShape(type: DestinationTypeInfo): Shape {
  return shapeOf(type.configSchema, type.secrets) ?? { kind: 'fields', fields: [] };
}

export function newDestinationForm(type: DestinationTypeInfo, shape: Shape): DestinationForm {
  return { name: '', purposes: [...type.purposes], ...DEFAULT_LIMITS, config: initialValues(shape) };
}

export function formFromDestination(destination: Destination, shape: Shape): DestinationForm {
  return {
    name: destination.name,
    purposes: destination.purposes,
    concurrency: destination.concurrency,
    ratePerSecond: destination.ratePerSecond,
    retryHours: destination.retryHours,
    config: initialValues(shape, destination.config),
  };
}

const common = (form: DestinationForm, shape: Shape) => ({
  name: form.name.trim(),
  purposes: [...form.purposes],
  concurrency: form.concurrency,
  ratePerSecond: form.ratePerSecond,
  retryHours: form.retryHours,
  config: toConfig(shape, form.config),
});

export function createBody(type: string, form: DestinationForm, shape: Shape): CreateDestinationInput {
  return { type, ...common(form, shape) };
}

/** Secrets left empty are not in the config, so the server keeps the stored ones. */
export function updateBody(form: DestinationForm, shape: Shape): UpdateDestinationInput {
  return common(form, shape);
}
