// The agreement coefficients against an independent implementation: NLTK's
// nltk.metrics.agreement.AnnotationTask (Debian's python3-nltk), on simulated coding data.
//
// Only what the two define alike is compared:
// - alpha() with binary_distance is nominal alpha, and with interval_distance ((a − b)²) interval
//   alpha, with missing values too (NLTK skips items with fewer than two labels, as Krippendorff).
// - The rest assume that every coder coded every unit (NLTK divides by the number of items), so
//   they run on complete data: avg_Ao() is the mean pairwise agreement (our percentAgreement);
//   pi() is Scott's pi for two coders and Fleiss' kappa for more (multi-pi, Siegel & Castellan's K);
//   kappa() averages Cohen's kappa over the pairs of coders (Cohen's kappa itself for two).
// NLTK has no ordinal or ratio distance, and its multi_kappa() (Davies & Fleiss) has no
// counterpart here.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  mulberry32,
  percentAgreement,
  scottPi,
  type CodedValue,
  type ReliabilityData,
} from '../../shared/stats';
import { runNltkScript } from '../support/python';
import { KRIPPENDORFF_2011_4X12 } from '../support/reliability-fixtures';

/** Reads a list of jobs (data as coders × units, a distance, NLTK method names) and prints the answers. */
const NLTK_AGREEMENT = `
import json, sys
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance
answers = []
for job in json.load(sys.stdin):
    triples = [('c%d' % c, 'u%d' % u, value)
               for c, row in enumerate(job['data'])
               for u, value in enumerate(row) if value is not None]
    distance = interval_distance if job['distance'] == 'interval' else binary_distance
    task = AnnotationTask(data=triples, distance=distance)
    answers.append({name: getattr(task, name)() for name in job['measures']})
print(json.dumps(answers))
`;

type NltkMeasure = 'alpha' | 'kappa' | 'pi' | 'avg_Ao';

interface Job {
  name: string;
  data: ReliabilityData;
  distance: 'binary' | 'interval';
  measures: NltkMeasure[];
}

interface Simulation {
  coders: number;
  units: number;
  values: readonly CodedValue[];
  /** Chance that a coder gives the unit's "true" value rather than one drawn at random. */
  accuracy: number;
  /** Chance that a coder leaves a unit uncoded. */
  missing: number;
}

/**
 * Coding data with some agreement: each unit has a true value (the first values more common),
 * which each coder gives with probability `accuracy`, otherwise a value drawn at random.
 */
function simulate(seed: number, { coders, units, values, accuracy, missing }: Simulation): (CodedValue | null)[][] {
  const random = mulberry32(seed);
  const pick = (skew: number) => values[Math.floor(random() ** skew * values.length)];
  const truths = Array.from({ length: units }, () => pick(1.6));
  return Array.from({ length: coders }, () =>
    truths.map((truth) => {
      if (random() < missing) return null;
      return random() < accuracy ? truth : pick(1);
    }),
  );
}

const CODES = ['praise', 'blame', 'neutral', 'question'];
const RATINGS = [1, 2, 3, 4, 5];
const COMPLETE: NltkMeasure[] = ['alpha', 'kappa', 'pi', 'avg_Ao'];

const JOBS: Job[] = [
  { name: 'two coders, three codes', data: simulate(101, { coders: 2, units: 200, values: CODES.slice(0, 3), accuracy: 0.7, missing: 0 }), distance: 'binary', measures: COMPLETE },
  { name: 'two coders, four codes, weak agreement', data: simulate(102, { coders: 2, units: 200, values: CODES, accuracy: 0.4, missing: 0 }), distance: 'binary', measures: COMPLETE },
  { name: 'three coders, four codes', data: simulate(103, { coders: 3, units: 200, values: CODES, accuracy: 0.6, missing: 0 }), distance: 'binary', measures: COMPLETE },
  { name: 'three coders, numeric codes', data: simulate(104, { coders: 3, units: 200, values: [1, 2, 3], accuracy: 0.8, missing: 0 }), distance: 'binary', measures: COMPLETE },
  { name: 'three coders, missing values', data: simulate(105, { coders: 3, units: 200, values: CODES.slice(0, 3), accuracy: 0.6, missing: 0.2 }), distance: 'binary', measures: ['alpha'] },
  { name: 'four coders, many missing values', data: simulate(106, { coders: 4, units: 200, values: CODES, accuracy: 0.5, missing: 0.4 }), distance: 'binary', measures: ['alpha'] },
  { name: 'two coders, ratings 1–5', data: simulate(107, { coders: 2, units: 200, values: RATINGS, accuracy: 0.6, missing: 0 }), distance: 'interval', measures: ['alpha'] },
  { name: 'three coders, ratings 1–5, missing values', data: simulate(108, { coders: 3, units: 200, values: RATINGS, accuracy: 0.5, missing: 0.25 }), distance: 'interval', measures: ['alpha'] },
];

// Krippendorff (2011), 4 observers × 12 units with missing values, at both levels NLTK knows.
JOBS.push(
  { name: 'Krippendorff (2011) example, nominal', data: KRIPPENDORFF_2011_4X12, distance: 'binary', measures: ['alpha'] },
  { name: 'Krippendorff (2011) example, interval', data: KRIPPENDORFF_2011_4X12, distance: 'interval', measures: ['alpha'] },
);

/** Average of Cohen's kappa over every pair of coders, as NLTK's kappa(). */
function meanPairwiseCohen(data: ReliabilityData): number {
  const kappas: number[] = [];
  for (let a = 0; a < data.length; a++) {
    for (let b = a + 1; b < data.length; b++) kappas.push(cohenKappa([data[a], data[b]]));
  }
  return kappas.reduce((sum, kappa) => sum + kappa, 0) / kappas.length;
}

let nltk: Array<Partial<Record<NltkMeasure, number>>> = [];

beforeAll(() => {
  const jobs = JOBS.map(({ data, distance, measures }) => ({ data, distance, measures }));
  nltk = runNltkScript(NLTK_AGREEMENT, jobs, 'the agreement cross-check');
});

describe('agreement coefficients agree with NLTK to six decimals', () => {
  JOBS.forEach((job, index) => {
    it(job.name, () => {
      const answer = nltk[index];
      const ours: Record<NltkMeasure, () => number> = {
        alpha: () => krippendorffAlpha(job.data, job.distance === 'interval' ? 'interval' : 'nominal'),
        avg_Ao: () => percentAgreement(job.data),
        pi: () => (job.data.length === 2 ? scottPi(job.data) : fleissKappa(job.data)),
        kappa: () => meanPairwiseCohen(job.data),
      };
      for (const measure of job.measures) {
        const theirs = answer?.[measure];
        expect(typeof theirs, `NLTK ${measure}()`).toBe('number');
        expect(ours[measure](), `${measure} (NLTK ${theirs})`).toBeCloseTo(theirs as number, 6);
      }
      if (job.data.length === 2 && job.measures.includes('pi')) {
        // Fleiss' kappa reduces to Scott's pi for two coders: both match NLTK's pi().
        expect(fleissKappa(job.data)).toBeCloseTo(answer?.pi as number, 6);
      }
    });
  });

  it('simulates data with real but imperfect agreement (so the comparisons are not trivial)', () => {
    for (const job of JOBS.slice(0, 4)) {
      const alpha = krippendorffAlpha(job.data, 'nominal');
      expect(alpha).toBeGreaterThan(0.05);
      expect(alpha).toBeLessThan(0.95);
    }
  });
});
