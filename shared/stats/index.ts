/** Agreement statistics: the public surface of shared/stats. */
export { type CodedValue, type ReliabilityData } from './reliability-data';
export { krippendorffAlpha, krippendorffAlphaDetails, type AlphaResult, type MeasurementLevel } from './krippendorff-alpha';
export { percentAgreement, cohenKappa, cohenKappaDetails, scottPi, scottPiDetails, fleissKappa, fleissKappaDetails, type ChanceCorrectedAgreement } from './kappa';
export { bootstrapAlpha, type BootstrapInterval, type BootstrapOptions } from './bootstrap';
export { mulberry32 } from './seeded-random';
