import type { FindingCategory, Timescale } from '../letter.types';

/**
 * The phrases by which letters of this genre name each category of finding, in headings ("Strengths",
 * "Areas for development") and in the sentences that introduce a list ("the following areas met the
 * requirements of statutory guidance:", "the things we found that needed improving:").
 */
const CATEGORY_PHRASES: Record<FindingCategory, RegExp[]> = {
  strength: [
    /\bstrengths?\b/i,
    /\b(?:that|which) (?:were|was|are|is) (?:generally |mostly |usually |very |all )?(?:adequate or good|good(?: or (?:better|outstanding))?|going well|working well)\b/i,
    /\bwhat (?:was|is|were|went) (?:good|well|going well|working well)\b/i,
    /\bthings (?:that )?(?:went|are going|were going|are done|were done) well\b/i,
  ],
  meets_requirements: [
    /\bme(?:et|ets|eting) (?:the |all )?(?:statutory )?requirements\b/i,
    /\brequirements of (?:statutory|national) guidance\b/i,
    /\bdelivered satisfactorily\b/i,
    /\bsatisfactor(?:y|ily) in accordance with\b/i,
  ],
  area_for_development: [
    /\bareas? (?:for|of|requiring|needing) (?:further )?development\b/i,
    /\b(?:identified|highlighted|noted) for (?:further )?development\b/i,
    /\bdevelopment areas?\b/i,
    /\b(?:needed|needs?|needing) (?:improving|improvement|to (?:be )?improved?|to get better|to be better)\b/i,
    /\b(?:get|be) better\b/i,
    /\bweakness(?:es)?\b/i,
  ],
  priority_action: [/\bpriority actions?\b/i, /\bareas? for priority\b/i],
  recommendation: [
    /\brecommendations?\b/i,
    /\bareas? for improvement\b/i,
    /\bpriorities for (?:further )?improvement\b/i,
  ],
};

/**
 * Phrasings that name one category however else they read: "What needs to improve in this area of social work
 * practice?" and "What does the local authority need to improve?" head a report's recommendations, though
 * "needs to improve" alone reads as an area for development.
 */
const EXCLUSIVE_PHRASES: Array<[FindingCategory, RegExp]> = [
  [
    'recommendation',
    /^what (?:needs|does (?:\S+\s+){1,4}need|do (?:\S+\s+){1,4}need) to (?:improve|be improved)\b/i,
  ],
];

type ExplicitTimescale = Exclude<Timescale, 'none'>;

const TIMESCALE_WORDS: Array<[ExplicitTimescale, string]> = [
  ['immediately', '(?:immediately|with immediate effect)'],
  ['within_3_months', 'within (?:three|3) months'],
  ['within_6_months', 'within (?:six|6) months'],
];
const TIMESCALES = TIMESCALE_WORDS.map(([timescale, words]) => ({
  timescale,
  named: new RegExp(`\\b${words}\\b`, 'i'),
  label: new RegExp(`^${words}$`, 'i'),
  leadingLabel: new RegExp(`^${words}\\s*[:–—-]\\s*(?=\\S)`, 'i'),
}));

export function categoriesNamedIn(text: string): FindingCategory[] {
  const exclusive = EXCLUSIVE_PHRASES.find(([, phrase]) => phrase.test(text));
  if (exclusive) return [exclusive[0]];
  return (Object.keys(CATEGORY_PHRASES) as FindingCategory[]).filter((category) =>
    CATEGORY_PHRASES[category].some((phrase) => phrase.test(text)),
  );
}

export function timescaleNamedIn(text: string): ExplicitTimescale | null {
  return TIMESCALES.find(({ named }) => named.test(text))?.timescale ?? null;
}

/** A line that is nothing but a timescale, heading the items under it: "Immediately:", "Within three months". */
export function timescaleLabel(text: string): ExplicitTimescale | null {
  const label = text.trim().replace(/[\s:.–—-]+$/, '');
  return TIMESCALES.find((timescale) => timescale.label.test(label))?.timescale ?? null;
}

/** An item that opens with its timescale as a label: "Within three months: ensure that ...". */
export function leadingTimescale(text: string): { timescale: ExplicitTimescale; rest: string } | null {
  for (const { timescale, leadingLabel } of TIMESCALES) {
    const label = leadingLabel.exec(text);
    if (label) return { timescale, rest: text.slice(label[0].length) };
  }
  return null;
}

/** An item that ends by naming its timescale in brackets: "... child protection plans (within three months)." */
export function trailingTimescale(text: string): ExplicitTimescale | null {
  const bracketed = /\(([^()]{3,40})\)[.;]?$/.exec(text)?.[1];
  return bracketed ? timescaleLabel(bracketed) : null;
}

/** A finding that sets its own timescale in so many words: "… should take immediate action to …". */
export function timescaleInOwnWords(text: string): ExplicitTimescale | null {
  return /\b(?:take|taking) immediate (?:action|steps)\b|\bwith immediate effect\b/i.test(text)
    ? 'immediately'
    : null;
}
