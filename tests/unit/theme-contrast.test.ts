// The colour themes (renderer/themes.css), read from the file itself: in every theme the text,
// muted, accent and danger colours reach WCAG's contrast against the background and the panels
// (4.5:1, and 7:1 in the high-contrast theme), the focus ring stands out (3:1), every theme sets
// every colour, and the system's dark scheme says the same as the dark theme.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(new URL('../../renderer/themes.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

interface Rule {
  selector: string;
  /** The at-rule the rule sits in ('' at the top). */
  within: string;
  declarations: Map<string, string>;
}

/** The style rules of a stylesheet, one level of at-rules deep (all themes.css needs). */
function rules(css: string): Rule[] {
  const found: Rule[] = [];
  const stack: string[] = [];
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') {
      stack.push(css.slice(start, i).trim());
      start = i + 1;
    } else if (css[i] === '}') {
      const prelude = stack.pop()!;
      const body = css.slice(start, i);
      if (!prelude.startsWith('@')) {
        const declarations = new Map(
          body
            .split(';')
            .map((line) => line.split(':'))
            .filter((parts) => parts.length >= 2)
            .map(([name, ...value]) => [name.trim(), value.join(':').trim()] as const),
        );
        found.push({ selector: prelude, within: stack.at(-1) ?? '', declarations });
      }
      start = i + 1;
    }
  }
  return found;
}

/** The colour variables a rule sets. */
function colours(rule: Rule): Map<string, string> {
  return new Map([...rule.declarations].filter(([name]) => name.startsWith('--')));
}

function theme(test: (rule: Rule) => boolean): Map<string, string> {
  const matching = rules(CSS).filter((rule) => test(rule) && rule.declarations.has('--bg'));
  expect(matching).toHaveLength(1);
  return colours(matching[0]);
}

const THEMES = {
  light: theme((rule) => rule.selector.includes("[data-theme='light']") && !rule.within),
  dark: theme((rule) => rule.selector.includes("[data-theme='dark']") && !rule.within),
  'system dark': theme((rule) => rule.selector.includes(':not([data-theme])') && /prefers-color-scheme:\s*dark/.test(rule.within)),
  'high contrast': theme((rule) => rule.selector.includes("[data-theme='high-contrast']") && !rule.within),
};

/** WCAG 2 relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `share` of colour a mixed into colour b, in sRGB (as CSS color-mix(in srgb, …) does), as #rrggbb. */
function mix(a: string, b: string, share: number): string {
  const channels = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  const [x, y] = [channels(a), channels(b)];
  return `#${x.map((c, i) => Math.round(c * share + y[i] * (1 - share)).toString(16).padStart(2, '0')).join('')}`;
}

describe('the colour themes', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [name, variables] of Object.entries(THEMES)) {
    const least = name === 'high contrast' ? 7 : 4.5;
    it(`${name}: text, muted, accent and danger reach ${least}:1 on the background and the panels`, () => {
      for (const colour of ['--bg', '--panel', '--text', '--muted', '--accent', '--danger', '--focus']) expect(variables.get(colour)).toMatch(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
      const low: string[] = [];
      for (const ground of ['--bg', '--panel']) {
        for (const ink of ['--text', '--muted', '--accent', '--danger']) {
          const ratio = contrast(variables.get(ink)!, variables.get(ground)!);
          if (ratio < least) low.push(`${ink} on ${ground}: ${ratio.toFixed(2)}`);
        }
        if (contrast(variables.get('--focus')!, variables.get(ground)!) < 3) low.push(`--focus on ${ground}`);
      }
      expect(low).toEqual([]);
    });

    it(`${name}: the text reads at ${least}:1 on a heatmap's strongest tint (--heat-range of the accent in the background)`, () => {
      const range = Number.parseFloat(variables.get('--heat-range')!) / 100;
      expect(range).toBeGreaterThan(0.2);
      expect(contrast(variables.get('--text')!, mix(variables.get('--accent')!, variables.get('--bg')!, range))).toBeGreaterThanOrEqual(least);
    });

    it(`${name}: sets every colour the light theme sets`, () => {
      expect([...variables.keys()].sort()).toEqual([...THEMES.light.keys()].sort());
    });
  }

  it("the system's dark scheme is the dark theme", () => {
    expect(THEMES['system dark']).toEqual(THEMES.dark);
  });

  it('honours forced colours with the system colours', () => {
    const forced = rules(CSS).filter((rule) => /forced-colors:\s*active/.test(rule.within));
    expect(forced.some((rule) => rule.declarations.get('--bg') === 'Canvas' && rule.declarations.get('--text') === 'CanvasText')).toBe(true);
  });
});
