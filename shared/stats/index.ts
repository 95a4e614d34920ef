/** Agreement statistics: the public surface of shared/stats. */
export { type CodedValue, type ReliabilityData } from './reliability-data';
export { krippendorffAlpha, krippendorffAlphaDetails, type AlphaResult, type MeasurementLevel } from './krippendorff-alpha';
export { percentAgreement, cohenKappa, cohenKappaDetails, scottPi, scottPiDetails, fleissKappa, fleissKappaDetails, type ChanceCorrectedAgreement } from './kappa';
export { bootstrapAlpha, type BootstrapInterval, type BootstrapOptions, type ConfidenceInterval } from './bootstrap';
export { mulberry32 } from '../model/seeded-random';
export {
  stretchClusters,
  clusterCoincidences,
  clusteredAlpha,
  clusterBootstrapSteps,
  MIN_BOOTSTRAP_CLUSTERS,
  documentClusters,
  MIN_DOCUMENT_CLUSTERS,
  type ClusterInterval,
  type StretchCluster,
  type ClusterCoincidences,
} from './stretch-bootstrap';
export { type Span, type Continuum, type UnitizingOptions, type AlphaParts } from './continuum';
export { unitizingAlphaU, type UnitizingAlphaReport } from './unitizing-alpha';
export { uAlpha, binaryUAlpha, cuAlpha, CuAlpha, type DomainOptions } from './unitizing-2016';
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
export { weightedPercentAgreement, weightedCohenKappa, weightedFleissKappa, type WeightedUnits } from './weighted-agreement';
export { reliabilityReport, type ReliabilityReport, type ReliabilityBootstrap, type ReliabilityRow, type ReliabilityMeasures } from './reliability-report';
export { type ReliabilityDisagreement, type DisagreementVersion } from './report-disagreements';
export { type MeasureDefinition } from './measure-definitions';
export { type BootstrapUnit, type ReliabilityInput, type ReliabilityOptions } from './character-data';
export { reliabilityReportCsv, reliabilityReportHtml, unitsMatrixCsv, RELIABILITY_CSV_COLUMNS, RELIABILITY_CSV_TRAILING_COLUMNS, type ReliabilityHtmlMeta } from './reliability-exports';
