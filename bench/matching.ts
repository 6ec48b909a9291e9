/**
 * Probabilistic record matching benchmark: generated person records with known truth, run through
 * blocking → comparison → EM → Fellegi-Sunter scoring, against the naive rule "same name and same
 * birth date" in the same run.
 *   node --import tsx bench/matching.ts [--records 10000,100000] [--seed 42]
 */
import { parseArgs } from 'node:util';
import {
  PERSON_MATCH_CONFIG as CONFIG,
  candidatePairs,
  comparePairs,
  compileFields,
  estimateParameters,
  evaluateMatches,
  exactRuleMatches,
  generateMatchingDataset,
  type Metrics,
  scorePairs,
} from '../apps/server/src/modules/identity/matching/index.ts';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '10000,100000' },
    seed: { type: 'string', default: '42' },
  },
});
const SIZES = args.records.split(',').map(Number);
const SEED = Number(args.seed);

const clock = () => performance.now() / 1000;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits = 3) => n.toFixed(digits);
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

interface Row {
  readonly method: string;
  readonly records: number;
  readonly pairs: number | null;
  readonly seconds: number;
  readonly metrics: Metrics;
}

function measure(records: number): { rows: Row[]; stages: string } {
  const dataset = generateMatchingDataset({ records, seed: SEED });
  const fields = compileFields(CONFIG.fields);
  const t0 = clock();
  const candidates = candidatePairs(dataset.records, CONFIG.blocking, CONFIG.maxBlockSize);
  const t1 = clock();
  const comparisons = comparePairs(dataset.records, candidates, fields);
  const t2 = clock();
  const estimate = estimateParameters(dataset.records, comparisons, CONFIG, { seed: SEED });
  const t3 = clock();
  const pairs = scorePairs(dataset.records, comparisons, estimate.model, CONFIG.thresholds);
  const t4 = clock();
  const evaluation = evaluateMatches(pairs, dataset);

  const b0 = clock();
  const naive = exactRuleMatches(dataset.records, ['surname', 'given_name', 'birth_date']);
  const b1 = clock();
  const baseline = evaluateMatches(naive, dataset).autoMerge;

  const seconds = t4 - t0;
  const common = { records, pairs: candidates.count, seconds };
  const stages =
    `${int(records)} records, ${int(evaluation.truePairs)} true pairs: blocking ${fixed(t1 - t0, 2)} s, ` +
    `comparing ${fixed(t2 - t1, 2)} s (${comparisons.patterns.length} patterns), ` +
    `u sampling + EM ${fixed(t3 - t2, 2)} s (${estimate.runs.length} runs), scoring ${fixed(t4 - t3, 2)} s, ` +
    `skipped blocks ${candidates.skippedBlocks.length}, RSS ${rssMb()} MiB`;
  return {
    stages,
    rows: [
      { method: 'Fellegi-Sunter, auto-merge', ...common, metrics: evaluation.autoMerge },
      { method: 'Fellegi-Sunter, auto-merge + review', ...common, metrics: evaluation.autoOrReview },
      { method: 'Fellegi-Sunter, auto-merge clusters', ...common, metrics: evaluation.clusters },
      {
        method: 'baseline: same name + birth date',
        records,
        pairs: null,
        seconds: b1 - b0,
        metrics: baseline,
      },
    ],
  };
}

console.log(`Thresholds: auto-merge ≥ ${CONFIG.thresholds.autoMerge}, review ≥ ${CONFIG.thresholds.review}`);
const results = SIZES.map((size) => measure(size));
for (const { stages } of results) console.log(`- ${stages}`);
console.log(
  '\n| method | records | candidate pairs | time s | pairs/s | precision | recall | F1 | F1 ratio to baseline |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { rows } of results) {
  const baseline = rows[rows.length - 1].metrics.f1;
  for (const row of rows) {
    const { precision, recall, f1 } = row.metrics;
    const pairs = row.pairs === null ? '—' : int(row.pairs);
    const rate = row.pairs === null ? '—' : int(row.pairs / row.seconds);
    console.log(
      `| ${row.method} | ${int(row.records)} | ${pairs} | ${fixed(row.seconds, 2)} | ${rate} | ` +
        `${fixed(precision)} | ${fixed(recall)} | ${fixed(f1)} | ${fixed(f1 / baseline, 2)} |`,
    );
  }
}
