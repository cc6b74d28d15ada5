/**
 * The evidence an action's completion gave, as the report lists it. Today evidence is a list of descriptions on
 * ActionCompleted (and notes on ActionVerified); evidence files will add theirs here.
 */
export function evidenceOf(event: { type: string; data: Record<string, unknown> }): string[] {
  if (event.type !== 'ActionCompleted') return [];
  const evidence = event.data.evidence;
  return Array.isArray(evidence) ? evidence.filter((item): item is string => typeof item === 'string') : [];
}
