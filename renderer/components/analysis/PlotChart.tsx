/**
 * A chart of the Analysis area: drawn by Observable Plot (its `<style>` taken out before it is
 * attached, see chart-files.ts), with buttons to save it as SVG or PNG. Axes and labels use
 * currentColor, which the CSS sets to the theme's text colour; bars use the codebook's colours.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { saveAnalysisChart } from '../../services/analysis';
import { useStore } from '../../store';
import { chartSvg, fitForPage, pngBase64, svgFileText } from './chart-files';

export function PlotChart(props: { name: string; label: string; draw: (width: number) => Element }) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const exporting = useStore((state) => state.exporting);
  const { draw } = props;
  // The chart is drawn at the width it is shown at, and drawn again when that changes: scaled
  // down instead, its text would shrink below what can be read in a narrower window.
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const measure = () => setWidth(chartWidth(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const element = host.current;
    if (!element || width === 0) return;
    const chart = fitForPage(draw(width));
    element.replaceChildren(chart);
    chartSvg(chart)?.setAttribute('aria-label', props.label);
    chartSvg(chart)?.setAttribute('role', 'img');
  }, [draw, props.label, width]);

  const save = async (format: 'svg' | 'png') => {
    const svg = host.current && chartSvg(host.current);
    if (!svg) return;
    const text = svgFileText(svg);
    if (format === 'svg') return saveAnalysisChart(props.name, 'svg', text);
    const { width, height } = svg.viewBox.baseVal;
    return saveAnalysisChart(props.name, 'png', await pngBase64(text, width || svg.clientWidth, height || svg.clientHeight));
  };

  return (
    <figure className="analysis-chart-figure">
      <div className="analysis-chart" ref={host} />
      <figcaption className="analysis-actions">
        <button type="button" disabled={exporting} onClick={() => void save('svg')} data-action="chart-svg">
          {t('analysis.export.svg')}
        </button>
        <button type="button" disabled={exporting} onClick={() => void save('png')} data-action="chart-png">
          {t('analysis.export.png')}
        </button>
      </figcaption>
    </figure>
  );
}

/** The width a chart is drawn at in a host `available` pixels wide: 320–900, in steps of 20 (so that a few pixels' change draws nothing again). */
function chartWidth(available: number): number {
  return Math.max(320, Math.min(900, Math.floor((available || 640) / 20) * 20));
}
