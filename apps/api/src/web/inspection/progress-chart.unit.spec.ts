import { progressChart } from './progress-chart';

describe('progressChart', () => {
  const weeks = [
    { weekStarting: '2026-11-02', open: 2, completed: 0, verified: 0 },
    { weekStarting: '2026-11-09', open: 1, completed: 2, verified: 1 },
  ];

  it('stacks verified, then completed, then open on the baseline, each as tall as its count', () => {
    const chart = progressChart(weeks);
    const [first, second] = chart.bars;
    expect(second.segments.map((segment) => segment.kind)).toEqual(['verified', 'completed', 'open']);
    const unit = second.segments[0].height; // one action
    expect(second.segments.map((segment) => segment.height)).toEqual([unit, 2 * unit, unit]);
    expect(second.segments[0].y + second.segments[0].height).toBeCloseTo(chart.axis.y, 0);
    for (let i = 1; i < second.segments.length; i++) {
      expect(second.segments[i].y + second.segments[i].height).toBeCloseTo(second.segments[i - 1].y, 0);
    }
    expect(first.segments).toEqual([{ kind: 'open', y: expect.any(Number), height: 2 * unit }]);
    expect(first.x + first.width).toBeLessThan(second.x);
  });

  it('draws value lines up to a round number at least as high as the tallest week', () => {
    expect(progressChart(weeks).gridLines.map((line) => line.value)).toEqual([0, 1, 2, 3, 4]);
    const tall = progressChart([{ weekStarting: '2026-11-02', open: 137, completed: 0, verified: 0 }]);
    expect(tall.gridLines.map((line) => line.value)).toEqual([0, 50, 100, 150]);
  });

  it('says in words what the picture shows, for a screen reader', () => {
    expect(progressChart(weeks).description).toBe(
      'Stacked bars, one per week, from the week starting 2 November 2026 to the week starting 9 November 2026. ' +
        "In the latest week 1 open, 2 completed and 1 verified. The table beside the chart gives every week's figures.",
    );
    expect(progressChart([]).bars).toEqual([]);
  });
});
