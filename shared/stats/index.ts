/** Agreement statistics: the public surface of shared/stats. */
export { type CodedValue, type ReliabilityData } from './reliability-data';
export { krippendorffAlpha, krippendorffAlphaDetails, type AlphaResult, type MeasurementLevel } from './krippendorff-alpha';
export { percentAgreement, cohenKappa, cohenKappaDetails, scottPi, scottPiDetails, fleissKappa, fleissKappaDetails, type ChanceCorrectedAgreement } from './kappa';
export { bootstrapAlpha, type BootstrapInterval, type BootstrapOptions } from './bootstrap';
export { mulberry32 } from './seeded-random';
export {
  unitizingAlphaU,
  uAlpha,
  binaryUAlpha,
  cuAlpha,
  CuAlpha,
  type Span,
  type Continuum,
  type UnitizingOptions,
  type DomainOptions,
  type AlphaParts,
  type UnitizingAlphaReport,
} from './unitizing';
export {
  segmentAgreement,
  pairwiseSegmentAgreement,
  type SegmentAgreement,
  type SegmentAgreementOptions,
  type SegmentCounts,
  type SegmentDisagreement,
  type CoderTally,
} from './segment-agreement';
export {
  characterUnits,
  expandCharacterUnits,
  runMatrix,
  codeSetKey,
  CODE_SET_SEPARATOR,
  type CharacterUnits,
  type CharacterUnitOptions,
  type CharacterRun,
} from './character-units';
export {
  reliabilityReport,
  weightedPercentAgreement,
  weightedCohenKappa,
  weightedFleissKappa,
  type ReliabilityInput,
  type ReliabilityOptions,
  type ReliabilityReport,
  type ReliabilityRow,
  type ReliabilityMeasures,
  type ReliabilityDisagreement,
  type DisagreementVersion,
  type MeasureDefinition,
  type ConfidenceInterval,
  type WeightedUnits,
} from './reliability-report';
export { reliabilityReportCsv, reliabilityReportHtml, unitsMatrixCsv, RELIABILITY_CSV_COLUMNS, type ReliabilityHtmlMeta } from './reliability-exports';
