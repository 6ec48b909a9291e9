/**
 * The statistics of a journey's effect report: a treated group's conversion rate against the
 * control group's, as a difference with a 95% confidence interval (unpooled standard error) and a
 * two-proportion z-test (pooled standard error under "no difference").
 */

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 erf; error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface Uplift {
  readonly absolute: number;
  readonly relative: number | null;
  readonly ci95: [number, number];
  readonly z: number;
  readonly pValue: number;
  readonly significant: boolean;
}

/** `converted` of `entered` in a treated group against the control group; null when either is empty. */
export function uplift(
  treated: { readonly entered: number; readonly converted: number },
  control: { readonly entered: number; readonly converted: number },
): Uplift | null {
  if (treated.entered === 0 || control.entered === 0) return null;
  const p1 = treated.converted / treated.entered;
  const p0 = control.converted / control.entered;
  const diff = p1 - p0;
  const se = Math.sqrt((p1 * (1 - p1)) / treated.entered + (p0 * (1 - p0)) / control.entered);
  const pooled = (treated.converted + control.converted) / (treated.entered + control.entered);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / treated.entered + 1 / control.entered));
  const z = se0 === 0 ? 0 : diff / se0;
  const pValue = se0 === 0 ? 1 : 2 * (1 - normalCdf(Math.abs(z)));
  return {
    absolute: diff,
    relative: p0 === 0 ? null : diff / p0,
    ci95: [diff - 1.96 * se, diff + 1.96 * se],
    z,
    pValue,
    significant: pValue < 0.05,
  };
}
