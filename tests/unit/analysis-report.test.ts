/** The analysis report's page: its sections, what it states, its escaping, its agreement section, and its small charts. */
import { describe, expect, it } from 'vitest';
import { analysisCorpus, NO_ANALYSIS_FILTER, type AnalysisFilter } from '../../shared/analysis/analysis-corpus';
import { analysisReportHtml, REPORT_SECTIONS, type AnalysisReportMeta } from '../../shared/analysis/analysis-report';
import { barChartSvg, heatColours } from '../../shared/analysis/report-charts';
import { DEFAULT_CODES, type Code } from '../../shared/model/codebook';
import type { DatasetInput } from '../../shared/model/project';
import { codedSegment, documentRecord } from '../support/builders';

const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
const codes: Code[] = [
  { ...DEFAULT_CODES[0], definition: 'A checkable statement.', whenToUse: 'Numbers, dates, events.', whenNotToUse: 'Predictions.', example: 'Troops crossed the border at dawn.' },
  { ...DEFAULT_CODES[1], name: `opinion ${HOSTILE}` },
  DEFAULT_CODES[2],
  { ...DEFAULT_CODES[0], id: 'a-sub', name: 'sub', key: null, parentId: 'factual-claim', colour: '#CC79A7', description: '' },
];
const d1 = 'Alpha beta gamma.\n\nDelta 🙂 epsilon zeta.\r\nEta theta.';
const d2 = 'One two three.';
const segment = (id: string, documentId: string, text: string, words: string, codeId: string, coder: string) => {
  const start = text.indexOf(words);
  return codedSegment({ id, documentId, codeId, coder, start, end: start + words.length, quote: words });
};
const dataset = (segments: DatasetInput['segments']): DatasetInput => ({
  documents: [
    { record: documentRecord('d1', d1, { title: `Report ${HOSTILE}`, values: { stance: 'pro' } }), text: d1 },
    { record: documentRecord('d2', d2, { values: { stance: 'contra' } }), text: d2 },
  ],
  codes,
  variables: [{ name: 'stance', type: 'choice', choices: ['pro', 'contra'] }],
  segments,
});
const twoCoders = dataset([
  segment('s1', 'd1', d1, 'Alpha beta', 'factual-claim', 'ana'),
  segment('s2', 'd1', d1, 'Alpha beta', 'factual-claim', 'ben'),
  segment('s3', 'd1', d1, 'gamma.', 'opinion', 'ana'),
  segment('s4', 'd1', d1, '🙂 epsilon', 'opinion', 'ben'),
  segment('s5', 'd2', d2, 'two three', 'opinion', 'ana'),
]);
const meta = (overrides: Partial<AnalysisReportMeta> = {}): AnalysisReportMeta => ({
  projectName: `Border study ${HOSTILE}`,
  createdAt: '2026-12-01T08:00:00.000Z',
  filter: NO_ANALYSIS_FILTER,
  variable: null,
  blindCoder: null,
  ...overrides,
});
const report = (input: DatasetInput, overrides: Partial<AnalysisReportMeta> = {}, viewer = { coder: 'ana', blind: false }) =>
  analysisReportHtml(analysisCorpus(input, viewer, overrides.filter ?? NO_ANALYSIS_FILTER), meta(overrides));

describe('the analysis report', () => {
  it('has each section in order, with the codebook entries, frequencies, co-occurrence, the matrix and the group comparison', () => {
    const html = report(twoCoders);
    const at = Object.values(REPORT_SECTIONS).map((heading) => html.indexOf(`<h2>${heading}</h2>`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    // The codebook entry with its definition and example, the sub-code under its parent.
    expect(html).toContain('<dt>Definition</dt><dd>A checkable statement.</dd>');
    expect(html).toContain('<dt>When not to use</dt><dd>Predictions.</dd>');
    expect(html).toContain('<blockquote>Troops crossed the border at dawn.</blockquote>');
    expect(html).toContain('No definition has been written for this code.');
    // Frequencies: opinion has 3 segments in 2 of 2 documents; the bar chart in the codes' colours.
    expect(html).toMatch(/opinion &#60;script&#62;.*<\/th><td class="number">3<\/td><td class="number">2<\/td><td class="number">100\.0 %<\/td>/);
    expect(html).toContain('<svg class="chart" role="img" aria-label="Segments per code"');
    expect(html).toContain('fill="#0072B2"');
    expect(html).toContain('fill="#CC79A7"');
    // Co-occurrence: the two coders' factual claims overlap with nothing of another code but… "gamma." does not meet "Alpha beta".
    expect(html).toContain('Pairs of segments of two codes that meet when the segments overlap');
    // The matrix has a row per document; the group comparison states the test or why not.
    expect(html).toContain('<h3>stance</h3>');
    expect(html).toMatch(/Pearson&#39;s χ² \(without continuity correction\) = [0-9.]+, df = \d+, p (= |&#60; )/);
    expect(html).toContain('Offsets and characters are counted in Unicode code points.');
  });

  it('states the date, the project and the filter', () => {
    const filter: AnalysisFilter = { documentIds: ['d1'], coders: ['ana', 'ben'], variable: { name: 'stance', values: ['pro', ''] } };
    const html = report(twoCoders, { filter, variable: 'stance' });
    expect(html).toContain('2026-12-01T08:00:00.000Z');
    expect(html).toContain(`<dt>Documents</dt><dd>1 chosen: Report &#60;script&#62;`);
    expect(html).toContain('<dt>Coders</dt><dd>ana, ben</dd>');
    expect(html).toContain('<dt>Document variable</dt><dd>stance is pro, (no value)</dd>');
    expect(html).toContain('<dt>Groups compared by</dt><dd>stance</dd>');
    expect(html).toContain('<dt>Documents counted</dt><dd>1</dd>');
  });

  it('escapes every name, holds no script, no event attribute and nothing from the network', () => {
    const html = report(twoCoders);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // The hostile name's onerror= is text (its < escaped), never inside a tag.
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
    expect(html).toContain('Border study &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;img src=x onerror=alert(1)&#62;');
    // Printing: the rules for paper are in the page's own style.
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
  });

  it('gives the agreement figures when two coders are counted', () => {
    const html = report(twoCoders);
    const agreement = html.slice(html.indexOf(`<h2>${REPORT_SECTIONS.agreement}</h2>`));
    expect(agreement).toContain('<dt>Coders</dt><dd>ana, ben</dd>');
    // Only d1 was coded by both: the default of the Agreement view.
    expect(agreement).toContain('<dt>Documents</dt><dd>1</dd>');
    expect(agreement).toContain('Cohen&#39;s κ');
    expect(agreement).toContain('<h3>Measures</h3>');
  });

  it('leaves the agreement out with one coder, or in blind coding, saying why', () => {
    const one = report(dataset([segment('s1', 'd1', d1, 'Alpha beta', 'factual-claim', 'ana')]));
    expect(one).toContain(`<h2>${REPORT_SECTIONS.agreement}</h2>\n<p>Agreement figures need the segments of at least two coders: only one coder&#39;s segments are counted (ana).</p>`);
    expect(one).not.toContain('Cohen&#39;s κ');
    const blind = report(twoCoders, { blindCoder: 'ana' }, { coder: 'ana', blind: true });
    expect(blind).toContain('blind coding is on, so only your own segments are counted');
    expect(blind).toContain("on: only ana&#39;s segments are counted");
    const filtered = report(twoCoders, { filter: { ...NO_ANALYSIS_FILTER, coders: ['ben'] } });
    expect(filtered).toContain('only one coder&#39;s segments are counted (ben)');
  });

  it('says when there are no variables to compare', () => {
    const html = report({ ...twoCoders, variables: [] });
    expect(html).toContain('The project has no document variables, so there are no groups to compare.');
  });
});

describe('the report’s pictures', () => {
  it('draws a bar per code scaled to the largest, labels escaped', () => {
    const svg = barChartSvg(
      [
        { label: 'a <b>', value: 10, colour: '#112233' },
        { label: 'b', value: 5, colour: 'red;background:url(x)' },
        { label: 'c', value: 0, colour: '#445566' },
      ],
      'Segments & more',
    );
    expect(svg).toContain('aria-label="Segments &#38; more"');
    expect(svg).toContain('>a &#60;b&#62;</text>');
    expect([...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([360, 180, 0]);
    // A colour that is not #rrggbb is never written.
    expect(svg).not.toContain('url(');
    expect(svg).toContain('fill="#808080"');
  });

  it('shades heatmap cells from white to the full hue, the text keeping a contrast of 4.5:1', () => {
    expect(heatColours(0, 10)).toEqual({ background: '#ffffff', text: '#000000' });
    expect(heatColours(10, 10)).toEqual({ background: '#0072b2', text: '#ffffff' });
    expect(heatColours(3, 0).background).toBe('#ffffff');
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let value = 0; value <= 20; value++) {
      const { background, text } = heatColours(value, 20);
      const [hi, lo] = [luminance(background), luminance(text)].sort((a, b) => b - a);
      expect((hi + 0.05) / (lo + 0.05), `${value}: ${background} on ${text}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
