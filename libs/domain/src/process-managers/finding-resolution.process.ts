import type { ActionEvent } from '../action/action.events';
import type { FindingEvent } from '../finding/finding.events';

/**
 * Resolves a finding once every action planned for it has been verified. It reacts to events from the log
 * (never to client requests): `evolve` keeps what it has seen, `react` says which finding to resolve now.
 */
export interface FindingResolutionState {
  findingOfAction: Record<string, string>;
  /** findingId → actionId → verified? */
  actionsOfFinding: Record<string, Record<string, boolean>>;
  resolvedFindings: Record<string, true>;
}

export const initialFindingResolutionState: FindingResolutionState = {
  findingOfAction: {},
  actionsOfFinding: {},
  resolvedFindings: {},
};

type RelevantEvent = ActionEvent | FindingEvent;

function withVerified(
  state: FindingResolutionState,
  actionId: string,
  verified: boolean,
): FindingResolutionState {
  const findingId = state.findingOfAction[actionId];
  if (!findingId) return state;
  return {
    ...state,
    actionsOfFinding: {
      ...state.actionsOfFinding,
      [findingId]: { ...state.actionsOfFinding[findingId], [actionId]: verified },
    },
  };
}

export function evolveFindingResolution(
  state: FindingResolutionState,
  event: { type: string; data: unknown },
): FindingResolutionState {
  const known = event as RelevantEvent;
  switch (known.type) {
    case 'ActionPlanned': {
      const { actionId, findingId } = known.data;
      return {
        ...withVerified(
          { ...state, findingOfAction: { ...state.findingOfAction, [actionId]: findingId } },
          actionId,
          false,
        ),
      };
    }
    case 'ActionVerified':
      return withVerified(state, known.data.actionId, true);
    case 'ActionReopened':
      return withVerified(state, known.data.actionId, false);
    case 'ActionWithdrawn': {
      // A withdrawn action no longer counts: its finding is judged on the others.
      const findingId = state.findingOfAction[known.data.actionId];
      if (!findingId) return state;
      const { [known.data.actionId]: _withdrawn, ...others } = state.actionsOfFinding[findingId] ?? {};
      return { ...state, actionsOfFinding: { ...state.actionsOfFinding, [findingId]: others } };
    }
    case 'FindingResolved':
      return { ...state, resolvedFindings: { ...state.resolvedFindings, [known.data.findingId]: true } };
    case 'FindingReopened': {
      const { [known.data.findingId]: _reopened, ...resolvedFindings } = state.resolvedFindings;
      return { ...state, resolvedFindings };
    }
    default:
      return state;
  }
}

/** Given the state after `event`, the finding to resolve because of it, if any. */
export function reactToFindingResolution(
  state: FindingResolutionState,
  event: { type: string; data: unknown },
): { findingId: string; verifiedActionIds: string[] } | null {
  if (event.type !== 'ActionVerified' && event.type !== 'ActionWithdrawn') return null;
  const findingId =
    state.findingOfAction[
      (event as Extract<ActionEvent, { type: 'ActionVerified' | 'ActionWithdrawn' }>).data.actionId
    ];
  if (!findingId || state.resolvedFindings[findingId]) return null;
  const actions = Object.entries(state.actionsOfFinding[findingId] ?? {});
  if (actions.length === 0 || !actions.every(([, verified]) => verified)) return null;
  return { findingId, verifiedActionIds: actions.map(([actionId]) => actionId).sort() };
}
