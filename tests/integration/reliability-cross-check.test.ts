// The reliability report's character-level figures against NLTK, from the spans up.
//
// Simulated coding of synthetic texts (several codes, overlapping spans, emoji) goes to Python as
// spans with the UTF-16 offsets the workbench stores, the texts and the coders. Python converts the
// offsets to code points and expands the spans into one label per coder and character on its own,
// then asks NLTK's nltk.metrics.agreement.AnnotationTask (Debian's python3-nltk) for the figures.
// So both the coefficients and the span → character conversion are checked. Compared, per code
// (label 1/0) and overall (the set of codes as one label):
// - alpha() with binary_distance: nominal α;
// - avg_Ao(): percent agreement (every coder labels every character, so NLTK's per-pair mean
//   equals our mean over characters);
// - kappa() for two coders: Cohen's κ; pi() for three: multi-π, which is Fleiss' κ on complete data.
// NLTK is slow, so each case stays at a few thousand characters.
import { beforeAll, describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../shared/text/offsets';
import { mulberry32, reliabilityReport, type ReliabilityInput, type ReliabilityOptions, type ReliabilityReport } from '../../shared/stats';
import { runNltkScript } from '../support/python';

/** Reads the cases as JSON and prints, per case, the character count and NLTK's figures per code and overall. */
const NLTK_CHARACTERS = `
import json, sys
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance

def code_points_of(text):
    # UTF-16 offset -> code point offset, at every boundary between characters.
    at = {0: 0}
    utf16 = 0
    for index, character in enumerate(text):
        utf16 += 2 if ord(character) > 0xFFFF else 1
        at[utf16] = index + 1
    return at

answers = []
for case in json.load(sys.stdin):
    coders, codes = case['coders'], case['codeIds']
    labels = {}  # (coder, document, code point) -> set of codes
    units = []
    for document in case['documents']:
        if document['id'] not in case['documentIds']:
            continue
        at = code_points_of(document['text'])
        units += [(document['id'], i) for i in range(len(document['text']))]
        for segment in case['segments']:
            if segment['documentId'] != document['id'] or segment['coder'] not in coders or segment['codeId'] not in codes:
                continue
            for i in range(at[segment['start']], at[segment['end']]):
                labels.setdefault((segment['coder'], document['id'], i), set()).add(segment['codeId'])
    rows = {}
    for code in codes + [None]:
        def label(coder, unit):
            found = labels.get((coder, unit[0], unit[1]), set())
            return '+'.join(sorted(found)) if code is None else int(code in found)
        triples = [(coder, '%s:%d' % unit, label(coder, unit)) for coder in coders for unit in units]
        task = AnnotationTask(data=triples, distance=binary_distance)
        row = {'alpha': task.alpha(), 'avg_Ao': task.avg_Ao()}
        if len(coders) == 2:
            row['kappa'] = task.kappa()
        else:
            row['pi'] = task.pi()
        rows['' if code is None else code] = row
    answers.append({'units': len(units), 'rows': rows})
print(json.dumps(answers))
`;

const WORDS = ['the', 'council', 'said', 'budget', 'we', 'must', 'act', 'now', 'really?', 'never', 'data', 'shows', 'growth', 'é', 'naïve'];
const EMOJI = ['😀', '👍', '🎉', '𝔸', '🙈'];
const CODE_IDS = ['claim', 'opinion', 'question', 'irony'];

/** A text of about `codePoints` code points: words, punctuation, line breaks and now and then an emoji. */
function syntheticText(random: () => number, codePoints: number): string {
  let text = '';
  while ([...text].length < codePoints) {
    const r = random();
    text += r < 0.08 ? EMOJI[Math.floor(random() * EMOJI.length)] : WORDS[Math.floor(random() * WORDS.length)];
    text += r > 0.95 ? '.\n' : ' ';
  }
  return text;
}

interface Simulation {
  seed: number;
  coders: string[];
  /** Code points per document; a document listed with `uncoded` gets no passages. */
  documents: Array<{ length: number; uncoded?: boolean }>;
  passages: number;
}

/**
 * Coded spans with real but imperfect agreement: shared passages that each coder codes with
 * shifted boundaries, now and then with another code or not at all, plus a few stray spans.
 * Passages overlap one another, also within one code. Offsets are UTF-16 at code point boundaries.
 */
function simulate({ seed, coders, documents, passages }: Simulation): ReliabilityInput {
  const random = mulberry32(seed);
  const int = (below: number) => Math.floor(random() * below);
  const segments: Array<ReliabilityInput['segments'][number]> = [];
  const texts = documents.map(({ length }, d) => ({ id: `doc-${d}`, title: `Document ${d}`, text: syntheticText(random, length) }));
  texts.forEach((document, d) => {
    if (documents[d].uncoded) return;
    const index = new CodePointIndex(document.text);
    const length = index.codePointLength;
    const add = (coder: string, codeId: string, start: number, end: number) => {
      const [s, e] = [Math.max(0, Math.min(start, length)), Math.max(0, Math.min(end, length))];
      if (e > s) {
        segments.push({ id: `${coder}-${segments.length}`, documentId: document.id, codeId, coder, start: index.toUtf16(s), end: index.toUtf16(e) });
      }
    };
    for (let p = 0; p < passages; p++) {
      const codeId = CODE_IDS[Math.floor(random() ** 1.5 * CODE_IDS.length)];
      const start = int(length - 20);
      const end = start + 8 + int(160);
      for (const coder of coders) {
        const r = random();
        if (r < 0.12) continue;
        const code = r < 0.22 ? CODE_IDS[int(CODE_IDS.length)] : codeId;
        add(coder, code, start + int(25) - 12, end + int(25) - 12);
      }
    }
    for (const coder of coders) {
      for (let stray = 0; stray < 3; stray++) {
        const start = int(length);
        add(coder, CODE_IDS[int(CODE_IDS.length)], start, start + 5 + int(60));
      }
    }
  });
  return { documents: texts, codes: CODE_IDS.map((id) => ({ id, name: id, parentId: null })), segments };
}

interface Case {
  name: string;
  input: ReliabilityInput;
  options: ReliabilityOptions;
}

const options = (coders: string[], documents: number): ReliabilityOptions => ({
  coders,
  documentIds: Array.from({ length: documents }, (_, d) => `doc-${d}`),
  codeIds: CODE_IDS,
  minOverlap: 60,
});

const CASES: Case[] = [
  {
    name: 'two coders, two documents, four codes',
    input: simulate({ seed: 2024, coders: ['ann', 'bob'], documents: [{ length: 2500 }, { length: 1800 }], passages: 18 }),
    options: options(['ann', 'bob'], 2),
  },
  {
    name: 'three coders, two documents, four codes',
    input: simulate({ seed: 77, coders: ['ann', 'bob', 'cy'], documents: [{ length: 2000 }, { length: 1500 }], passages: 16 }),
    options: options(['ann', 'bob', 'cy'], 2),
  },
  {
    name: 'two coders, a document nobody coded, a segment of a coder not chosen',
    input: simulate({ seed: 9, coders: ['ann', 'bob', 'dee'], documents: [{ length: 2200 }, { length: 900, uncoded: true }], passages: 20 }),
    options: options(['bob', 'ann'], 2),
  },
];

interface NltkAnswer {
  units: number;
  rows: Record<string, { alpha: number; avg_Ao: number; kappa?: number; pi?: number }>;
}

let nltk: NltkAnswer[] = [];
const reports: ReliabilityReport[] = CASES.map(({ input, options: chosen }) => reliabilityReport(input, chosen));

beforeAll(() => {
  const cases = CASES.map(({ input, options: chosen }) => ({
    coders: chosen.coders,
    codeIds: chosen.codeIds,
    documentIds: chosen.documentIds,
    documents: input.documents,
    segments: input.segments,
  }));
  nltk = runNltkScript(NLTK_CHARACTERS, cases, 'the reliability cross-check');
});

describe('the reliability report agrees with NLTK on per-character labels built in Python from the spans', () => {
  CASES.forEach((testCase, index) => {
    it(testCase.name, () => {
      const report = reports[index];
      const answer = nltk[index];
      expect(report.units, 'characters (code points)').toBe(answer.units);
      for (const row of report.rows) {
        const theirs = answer.rows[row.codeId ?? ''];
        const what = row.codeId ?? 'overall';
        expect(row.measures.alphaNominal, `α of ${what} (NLTK ${theirs.alpha})`).toBeCloseTo(theirs.alpha, 6);
        expect(row.measures.percentAgreement, `agreement of ${what} (NLTK ${theirs.avg_Ao})`).toBeCloseTo(theirs.avg_Ao, 6);
        if (report.coders.length === 2) {
          expect(row.measures.cohenKappa, `Cohen's κ of ${what} (NLTK ${theirs.kappa})`).toBeCloseTo(theirs.kappa as number, 6);
        } else {
          expect(row.measures.fleissKappa, `Fleiss' κ of ${what} (NLTK pi ${theirs.pi})`).toBeCloseTo(theirs.pi as number, 6);
        }
      }
    });
  });

  it('runs on data that are not trivial: emoji in the texts, overlapping spans, imperfect agreement', () => {
    for (const [index, { input }] of CASES.entries()) {
      expect(input.documents.some((d) => [...d.text].length < d.text.length)).toBe(true);
      const overall = reports[index].rows.find((row) => row.codeId === null)?.measures.alphaNominal as number;
      expect(overall).toBeGreaterThan(0.2);
      expect(overall).toBeLessThan(0.95);
      expect(reports[index].units).toBeLessThan(6000);
      const sameCoderOverlap = input.segments.some((a) =>
        input.segments.some((b) => a !== b && a.coder === b.coder && a.documentId === b.documentId && a.start < b.end && b.start < a.end),
      );
      expect(sameCoderOverlap).toBe(true);
    }
  });
});
