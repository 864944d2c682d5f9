'use client';
/**
 * The statistics charts (recharts). Rendered only in the browser: recharts sizes its wrappers with
 * inline styles, which the CSP forbids in server HTML but allows when set from script. Readable
 * without colour: every bar carries its value as text, the two trend lines differ in dash and
 * marker, and the table beside each chart holds the same figures.
 */
import { useSyncExternalStore } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TBarPunt, TTrendPunt } from '@/lib/stats/chart-data';
import { wrapLabel } from '@/lib/stats/wrap-label';

const noSubscription = () => () => {};
const useInBrowser = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

const LABEL_CHARS = 28;
const LINE_PX = 14;

/** A bar's label in up to three lines beside the bar, the full text as its tooltip. */
function WrappedTick({ x = 0, y = 0, payload }: { x?: number; y?: number; payload?: { value?: unknown } }) {
  const text = String(payload?.value ?? '');
  const lines = wrapLabel(text, LABEL_CHARS);
  const firstDy = -((lines.length - 1) * LINE_PX) / 2 + 4;
  return (
    <g transform={`translate(${x},${y})`}>
      <title>{text}</title>
      <text textAnchor="end" fontSize={12} fill="#0f172a">
        {lines.map((line, i) => (
          <tspan key={i} x={-6} dy={i === 0 ? firstDy : LINE_PX}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

export function BarFigure({ titel, data }: { titel: string; data: TBarPunt[] }) {
  const inBrowser = useInBrowser();
  if (!inBrowser) return <div className="h-40" aria-hidden="true" />;
  // Each bar gets the height its label needs, so wrapped labels never run into each other.
  const lines = Math.max(1, ...data.map((d) => wrapLabel(d.label, LABEL_CHARS).length));
  return (
    <figure role="img" aria-label={`Staafdiagram: ${titel}`} className="break-inside-avoid">
      <BarChart
        layout="vertical"
        width={500}
        height={40 + data.length * (14 + lines * LINE_PX)}
        data={data}
        margin={{ top: 4, right: 64, bottom: 4, left: 4 }}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={200} interval={0} tick={<WrappedTick />} />
        <Bar
          dataKey="value"
          name={titel}
          fill="#1d5b8f"
          stroke="#0c2b45"
          minPointSize={2}
          isAnimationActive={false}
        >
          <LabelList dataKey="text" position="right" fill="#0f172a" fontSize={12} />
        </Bar>
      </BarChart>
    </figure>
  );
}

export function TrendFigure({ titel, data }: { titel: string; data: TTrendPunt[] }) {
  const inBrowser = useInBrowser();
  if (!inBrowser) return <div className="h-72" aria-hidden="true" />;
  return (
    <figure role="img" aria-label={`Lijndiagram: ${titel}`} className="break-inside-avoid">
      <LineChart width={680} height={280} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {/* Ticks that would overlap are left out; every period is in the table beside the chart. */}
        <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Line
          name="Deze periode (doorgetrokken, rondjes)"
          dataKey="nu"
          stroke="#0c2b45"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
        <Line
          name="Vorig jaar (gestreept, vierkantjes)"
          dataKey="vorig"
          stroke="#64748b"
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 3, strokeWidth: 0, fill: '#64748b' }}
          activeDot={false}
          legendType="square"
          isAnimationActive={false}
        />
      </LineChart>
    </figure>
  );
}
