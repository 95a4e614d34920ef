/**
 * The columns a reliability report can hold: each measure's name, its definition in words and the
 * reference a methods section cites, in the order the report shows them.
 */

/** What a column of the report is, and where it is defined. */
export interface MeasureDefinition {
  key: string;
  name: string;
  definition: string;
  reference: string;
}

/** Every column the report can hold, with its definition and reference. */
export const MEASURE_DEFINITIONS: readonly MeasureDefinition[] = [
  {
    key: 'percentAgreement',
    name: 'Percent agreement',
    definition:
      'The share (0–1) of agreeing coder pairs per character, averaged over the characters: per code, whether each coder coded the character with it; overall, whether they applied the same set of codes. Not corrected for chance.',
    reference: 'Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5), 378–382 (the mean pairwise agreement P̄).',
  },
  {
    key: 'cohenKappa',
    name: "Cohen's κ",
    definition: "Two coders: (p_o − p_e)/(1 − p_e) over characters, with p_e from each coder's own distribution of values.",
    reference: 'Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 20(1), 37–46.',
  },
  {
    key: 'fleissKappa',
    name: "Fleiss' κ",
    definition: 'Three or more coders: (P̄ − P̄_e)/(1 − P̄_e) over characters, with P̄_e from the values of all coders pooled.',
    reference: 'Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5), 378–382.',
  },
  {
    key: 'alphaNominal',
    name: "Krippendorff's α (nominal)",
    definition: '1 − D_o/D_e from the coincidences of values over characters, nominal metric. Undefined when all values are the same.',
    reference:
      "Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), the chapter on reliability; Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication Departmental Papers 43.",
  },
  {
    key: 'alphaNominalCi',
    name: 'α confidence interval',
    definition:
      'Percentile interval of nominal α from a cluster (unit) bootstrap (Davison & Hinkley 1997, §3.8; Field & Welsh 2007), in the spirit of Hayes & Krippendorff (2007), whose KALPHA bootstrap resamples pairable values instead. The clusters are coded stretches — passages covered without a break by segments of the chosen coders and codes (overlapping segments join one stretch), each with the uncoded text before it — and documents nobody coded. As many clusters as the documents hold are drawn with replacement, each with all its characters, and α is recomputed on each resample; clusters, also those of one document, are taken to be independent. Characters are not resampled one by one: neighbouring characters are coded together, so that would make the interval far too narrow. With fewer than two clusters no interval is given.',
    reference:
      'Davison, A. C., & Hinkley, D. V. (1997). Bootstrap Methods and their Application. Cambridge University Press, §3.8; Field, C. A., & Welsh, A. H. (2007). Bootstrapping clustered data. Journal of the Royal Statistical Society B, 69(3), 369–390; Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability measure for coding data. Communication Methods and Measures, 1(1), 77–89.',
  },
  {
    key: 'alphaU',
    name: 'α_U (unitizing)',
    definition:
      "Agreement on where each code's passages begin and end: squared differences of the boundaries of overlapping passages (and of passages against uncoded stretches), against the disagreement expected by chance. Overall: mean D_o over mean D_e of the codes.",
    reference:
      'Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological Methodology, 25, 47–76; Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), the chapter on reliability (worked example p. 254). Computed as DKPro Agreement does.',
  },
  {
    key: 'uAlpha',
    name: 'u-α',
    definition:
      'Per code: |u-α, agreement on which text carries the code and which does not; overall: u-α, agreement on the whole segmentation with its codes. Needs each coder’s codes not to overlap.',
    reference:
      'Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the reliability of unitizing textual continua: Further developments. Quality & Quantity, 50, 2347–2364. Reproduces the worked example of Krippendorff, K. (2019). Content Analysis (4th ed.), §12.6, Fig. 12.11.',
  },
  {
    key: 'cuAlpha',
    name: 'cu-α',
    definition: 'Overall only: agreement on the codes of the text that coders both coded, ignoring where they disagree on coding at all.',
    reference:
      'Krippendorff, Mathet, Bouvry & Widlöcher (2016), Quality & Quantity, 50, 2347–2364. Reproduces the worked example of Krippendorff (2019), Content Analysis (4th ed.), §12.6, Fig. 12.11 (three coders).',
  },
  {
    key: 'segmentAgreement',
    name: 'Segment agreement',
    definition:
      'A segment agrees when the other coder gave the same code to a segment of the same document sharing at least the chosen share of the characters either covers; percent of agreeing segments of both coders, pooled over coder pairs.',
    reference: 'VERBI Software, MAXQDA manual: Intercoder Agreement (segment-level agreement with a minimum overlap).',
  },
  {
    key: 'segments',
    name: 'Segments',
    definition: 'The number of segments each coder coded with the code (overall: with any chosen code) in the chosen documents.',
    reference: '—',
  },
];
