/**
 * Turns reduced curves into a uPlot chart: log-log axes, one line per curve (scan), error bars drawn
 * in uPlot's draw hook, drag to zoom (double-click resets). Curves with different Q values share the
 * x axis through uPlot.join. Non-positive values cannot sit on a log axis and are left out.
 */
import uPlot from 'uplot';

export interface PlotCurve {
  readonly label: string;
  readonly points: readonly (readonly [number, number, number | null])[];
}

const COLOURS = ['#1a4f8b', '#c0392b', '#27864a', '#8e44ad', '#d35400', '#2c3e50', '#16a085', '#7f6000'];

const positive = (curve: PlotCurve) => curve.points.filter(([q, i]) => q > 0 && i > 0);

export function curveData(curves: readonly PlotCurve[]): uPlot.AlignedData {
  const tables = curves.map((c) => {
    const points = positive(c).sort((a, b) => a[0] - b[0]);
    return [points.map((p) => p[0]), points.map((p) => p[1])] as uPlot.AlignedData;
  });
  return tables.length === 0 ? [[]] : uPlot.join(tables);
}

function drawErrorBars(u: uPlot, curves: readonly PlotCurve[]): void {
  const { ctx } = u;
  const yMin = u.scales.y!.min ?? 0;
  ctx.save();
  ctx.lineWidth = 1;
  curves.forEach((curve, s) => {
    ctx.strokeStyle = COLOURS[s % COLOURS.length]!;
    ctx.beginPath();
    for (const [q, i, e] of positive(curve)) {
      if (e === null || !(e > 0)) continue;
      const x = u.valToPos(q, 'x', true);
      const low = Math.max(i - e, yMin);
      ctx.moveTo(x, u.valToPos(low > 0 ? low : i, 'y', true));
      ctx.lineTo(x, u.valToPos(i + e, 'y', true));
    }
    ctx.stroke();
  });
  ctx.restore();
}

/** `current` gives the curves at draw time: setData keeps the chart (and its zoom) as they grow. */
export function curveOptions(
  curves: readonly PlotCurve[],
  width: number,
  current: () => readonly PlotCurve[] = () => curves,
): uPlot.Options {
  return {
    width,
    height: 320,
    scales: { x: { time: false, distr: 3 }, y: { distr: 3 } },
    series: [
      { label: 'Q (1/Å)' },
      ...curves.map((c, i) => ({
        label: c.label,
        stroke: COLOURS[i % COLOURS.length],
        spanGaps: true,
        points: { show: true, size: 4 },
      })),
    ],
    axes: [{ label: 'Q (1/Å)' }, { label: 'I(Q)', size: 70 }],
    cursor: { drag: { x: true, y: true, uni: 50 } },
    hooks: { draw: [(u) => drawErrorBars(u, current())] },
  };
}

/** The curves as text for download: one `# curve:` block each, then Q, intensity, error rows. */
export function curvesAsText(curves: readonly PlotCurve[]): string {
  let text = '# Q (1/Å), I(Q), error\n';
  for (const c of curves) {
    text += `# curve: ${c.label}\n`;
    for (const [q, i, e] of c.points) text += `${q},${i},${e ?? ''}\n`;
  }
  return text;
}
