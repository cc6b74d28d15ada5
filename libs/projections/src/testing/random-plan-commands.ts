import { addToCalendarDate, DomainRuleViolation, FINDING_CATEGORIES } from '@actionledger/domain';
import fc from 'fast-check';
import { PlanScript } from './plan-script';

/** One step a user could take, with indexes into what exists so far (taken modulo its count). */
export type PlanStep =
  | { kind: 'inspection'; org: number }
  | { kind: 'finding'; inspection: number; category: number }
  | { kind: 'plan'; finding: number }
  | { kind: 'assign' | 'reassign'; action: number; owner: number; dueInDays: number | null }
  | { kind: 'reschedule'; action: number; dueInDays: number }
  | { kind: 'progress' | 'complete' | 'verify' | 'reopen' | 'resolve'; action: number }
  | { kind: 'withdraw' | 'amend'; action: number }
  | { kind: 'amendFinding' | 'reopenFinding'; finding: number; category: number }
  | { kind: 'withdrawInspection'; inspection: number }
  | { kind: 'wait'; days: number };

const index = fc.nat(50);
/** Steps on actions mostly touch the last few planned, so that actions go through their whole life. */
const recent = fc.nat(3);
export const planStep: fc.Arbitrary<PlanStep> = fc.oneof(
  { depthSize: 'max' },
  { arbitrary: fc.record({ kind: fc.constant('inspection' as const), org: fc.nat(1) }), weight: 1 },
  fc.record({ kind: fc.constant('finding' as const), inspection: index, category: fc.nat(4) }),
  { arbitrary: fc.record({ kind: fc.constant('plan' as const), finding: index }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constantFrom('assign' as const, 'reassign' as const),
      action: recent,
      owner: fc.nat(3),
      dueInDays: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    }),
    weight: 3,
  },
  fc.record({
    kind: fc.constant('reschedule' as const),
    action: recent,
    dueInDays: fc.integer({ min: 0, max: 90 }),
  }),
  {
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'progress' as const,
        'complete' as const,
        'verify' as const,
        'reopen' as const,
        'resolve' as const,
      ),
      action: recent,
    }),
    weight: 8,
  },
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 20 }) }),
  // Corrections: rarer than the work itself, as they are in practice.
  fc.record({ kind: fc.constantFrom('withdraw' as const, 'amend' as const), action: recent }),
  fc.record({
    kind: fc.constantFrom('amendFinding' as const, 'reopenFinding' as const),
    finding: index,
    category: fc.nat(4),
  }),
  {
    arbitrary: fc.record({ kind: fc.constant('withdrawInspection' as const), inspection: index }),
    weight: 1,
  },
);

export const planSteps = (minLength: number, maxLength: number) =>
  fc.array(planStep, { minLength, maxLength, size: 'max' });

/**
 * Plays the steps through the domain's deciders: a step the domain refuses is skipped, as a refused command
 * appends nothing. What comes out is a sequence of events the domain could really have written.
 */
export function playSteps(steps: readonly PlanStep[]): PlanScript {
  const script = new PlanScript(new Date('2026-03-02T09:30:00Z'));
  const inspections: string[] = [];
  const findings: string[] = [];
  const actions: { id: string; findingId: string }[] = [];
  const pick = <T>(items: readonly T[], at: number): T | undefined => items[at % Math.max(items.length, 1)];
  const today = () => script.now.toISOString().slice(0, 10);
  // A plan to work on from the start, in two organisations; the random steps add to it.
  script.recordInspection('org-0', 'i-a').recordInspection('org-1', 'i-b');
  inspections.push('i-a', 'i-b');
  for (const [finding, inspection, category] of [
    ['f-a', 'i-a', 'priority_action'],
    ['f-b', 'i-a', 'area_for_development'],
    ['f-c', 'i-b', 'priority_action'],
  ] as const) {
    script.raiseFinding(inspection, finding, category);
    findings.push(finding);
  }
  const due = (days: number) => addToCalendarDate(today(), { days });
  steps.forEach((step, n) => {
    try {
      if (step.kind === 'inspection') {
        script.recordInspection(`org-${step.org}`, `i-${n}`);
        inspections.push(`i-${n}`);
      } else if (step.kind === 'finding') {
        const inspection = pick(inspections, step.inspection);
        if (!inspection) return;
        script.raiseFinding(inspection, `f-${n}`, FINDING_CATEGORIES[step.category]);
        findings.push(`f-${n}`);
      } else if (step.kind === 'plan') {
        const finding = pick(findings, step.finding);
        if (!finding) return;
        script.planAction(finding, `a-${n}`);
        actions.push({ id: `a-${n}`, findingId: finding });
      } else if (step.kind === 'amendFinding' || step.kind === 'reopenFinding') {
        const finding = pick(findings, step.finding);
        if (!finding) return;
        if (step.kind === 'amendFinding') script.amendFinding(finding, FINDING_CATEGORIES[step.category]);
        else script.reopenFinding(finding);
      } else if (step.kind === 'withdrawInspection') {
        const inspection = pick(inspections, step.inspection);
        if (inspection) script.withdrawInspection(inspection);
      } else if (step.kind === 'wait') {
        script.at(new Date(script.now.getTime() + step.days * 86_400_000));
      } else {
        if (!('action' in step)) return;
        const action = actions[actions.length - 1 - (step.action % Math.max(actions.length, 1))];
        if (!action) return;
        if (step.kind === 'assign' || step.kind === 'reassign') {
          const dueDate = step.dueInDays === null ? undefined : due(step.dueInDays);
          if (step.kind === 'assign') script.assign(action.id, `owner-${step.owner}`, dueDate);
          else script.reassign(action.id, `owner-${step.owner}`, dueDate);
        } else if (step.kind === 'reschedule') script.reschedule(action.id, due(step.dueInDays));
        else if (step.kind === 'resolve') {
          const own = actions.filter((a) => a.findingId === action.findingId);
          if (!own.every((a) => script.actionState(a.id)?.status === 'verified')) return;
          script.resolveFinding(action.findingId, own.map((a) => a.id).sort());
        } else script[step.kind](action.id);
      }
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
    }
  });
  return script;
}
