/** Reliability data from the literature, held once for the agreement tests that check against it. */
import type { ReliabilityData } from '../../shared/stats';

const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" (Annenberg School for
 * Communication, Departmental Papers 43), the example "nominal data, any number of observers,
 * missing data": four observers (A–D) × twelve units, values 1–5, `*` in the paper for a missing
 * value. Unit 12 holds one value and drops out.
 */
export const KRIPPENDORFF_2011_4X12: ReliabilityData = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
