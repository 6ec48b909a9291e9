import type { Customer } from './customer.ts';
import type { Rng } from './random.ts';
import type { Run } from './run.ts';
import type { CustomerWriter } from './writer.ts';

/** What every journey step works with: the run, the customer, their random stream and the writer. */
export interface Journey {
  readonly run: Run;
  readonly c: Customer;
  readonly rng: Rng;
  readonly w: CustomerWriter;
}
