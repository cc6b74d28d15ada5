import type { WeekOfProgress } from '@actionledger/projections';
import { govukDate } from '../rendering/view-filters';

/** The chart's drawing area, in SVG user units; the SVG scales to its container. */
const WIDTH = 480;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 40 };

export interface ChartSegment {
  kind: 'verified' | 'completed' | 'open';
  y: number;
  height: number;
}

export interface ProgressChart {
  width: number;
  height: number;
  bars: { x: number; width: number; segments: ChartSegment[]; label: string | null; labelX: number }[];
  gridLines: { y: number; value: number }[];
  axis: { x1: number; x2: number; y: number };
  labelY: number;
  description: string;
}

const niceStep = (max: number) => {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]) if (max / step <= 5) return step;
  return Math.ceil(max / 5);
};

/**
 * Pure: the geometry of a stacked bar per week (verified at the bottom, then completed, then open), with value
 * lines and a few week labels, and the sentence a screen reader hears instead of the picture.
 */
export function progressChart(weeks: readonly WeekOfProgress[]): ProgressChart {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const baseline = MARGIN.top + plotHeight;
  const largest = Math.max(1, ...weeks.map((week) => week.open + week.completed + week.verified));
  const step = niceStep(largest);
  const top = Math.ceil(largest / step) * step;
  const scale = (value: number) => (value / top) * plotHeight;
  const slot = weeks.length === 0 ? plotWidth : plotWidth / weeks.length;
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 6));
  const bars = weeks.map((week, index) => {
    let y = baseline;
    const segments: ChartSegment[] = [];
    for (const kind of ['verified', 'completed', 'open'] as const) {
      const height = scale(week[kind]);
      if (height === 0) continue;
      y -= height;
      segments.push({ kind, y: round(y), height: round(height) });
    }
    const x = MARGIN.left + index * slot + slot * 0.15;
    return {
      x: round(x),
      width: round(slot * 0.7),
      segments,
      label: index % labelEvery === 0 ? shortDate(week.weekStarting) : null,
      labelX: round(x + slot * 0.35),
    };
  });
  const gridLines = [];
  for (let value = 0; value <= top; value += step)
    gridLines.push({ y: round(baseline - scale(value)), value });
  return {
    width: WIDTH,
    height: HEIGHT,
    bars,
    gridLines,
    axis: { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y: baseline },
    labelY: baseline + 20,
    description: describe(weeks),
  };
}

function describe(weeks: readonly WeekOfProgress[]): string {
  if (weeks.length === 0) return 'No action has been planned yet.';
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  return (
    `Stacked bars, one per week, from the week starting ${govukDate(first.weekStarting)} to the week starting ` +
    `${govukDate(last.weekStarting)}. In the latest week ${last.open} open, ${last.completed} completed and ` +
    `${last.verified} verified. The table beside the chart gives every week's figures.`
  );
}

const round = (value: number) => Math.round(value * 10) / 10;

const shortDate = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
