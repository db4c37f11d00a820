/**
 * The reduced I(Q) curves of a submission, plotted with uPlot (see curveChart.ts), kept up to date as
 * the jobs write them, with a download of the plotted data.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useT } from '../../widgets/index';
import { curveData, curveOptions, curvesAsText, type PlotCurve } from './curveChart';

export function CurvePlot({
  curves,
  complete,
}: {
  curves: readonly PlotCurve[];
  complete: boolean;
}): ReactNode {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<{ plot: uPlot; labels: string } | undefined>(undefined);
  const latest = useRef(curves);
  latest.current = curves;
  // The page re-renders per log batch; the chart changes only when the points do.
  const signature = `${curves.map((c) => `${c.label}:${c.points.length}`).join('\n')}|${complete}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: signature stands for the curves' content
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const labels = curves.map((c) => c.label).join('\n');
    const data = curveData(curves);
    if (chart.current && chart.current.labels === labels) {
      chart.current.plot.setData(data);
      return;
    }
    chart.current?.plot.destroy();
    const plot = new uPlot(
      curveOptions(curves, Math.max(320, el.clientWidth), () => latest.current),
      data,
      el,
    );
    chart.current = { plot, labels };
  }, [signature]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const resize = new ResizeObserver(() =>
      chart.current?.plot.setSize({ width: Math.max(320, el.clientWidth), height: 320 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.current?.plot.destroy();
      chart.current = undefined;
    };
  }, []);

  const download = () => {
    const url = URL.createObjectURL(new Blob([curvesAsText(curves)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'reduced-iq.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const points = curves.reduce((n, c) => n + c.points.length, 0);
  return (
    <figure className="subs-plot" aria-label={t('portal.curve.label')}>
      <div ref={host} data-testid="curve-plot" data-curves={curves.length} data-points={points} />
      <figcaption>
        {complete
          ? t('portal.curve.caption', { count: curves.length })
          : t('portal.curve.captionWriting', { count: curves.length })}{' '}
        <button type="button" onClick={download}>
          {t('portal.curve.download')}
        </button>
      </figcaption>
    </figure>
  );
}
