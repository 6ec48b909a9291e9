import { Counter, Histogram } from 'prom-client';

export const ingestMetrics = {
  received: new Counter({
    name: 'cdp_ingest_messages_total',
    help: 'Messages received by outcome',
    labelNames: ['outcome'] as const,
  }),
  duplicates: new Counter({
    name: 'cdp_ingest_duplicates_total',
    help: 'Retried messages (same messageId) not stored again',
  }),
  conflicts: new Counter({
    name: 'cdp_ingest_dedupe_conflicts_total',
    help: 'Reused messageIds whose content differed from the first (first write wins)',
  }),
  commitSeconds: new Histogram({
    name: 'cdp_ingest_commit_seconds',
    help: 'Duration of one group-commit transaction',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  }),
  batchSize: new Histogram({
    name: 'cdp_ingest_commit_messages',
    help: 'Messages per group-commit transaction',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000],
  }),
};
