/**
 * Phrases that structure the body of a letter or report, apart from the category names themselves: what
 * introduces a list, what closes the findings, what opens a committee report's account of actions taken.
 */

const LIST_INTRODUCTION = /\b(?:the following|as follows|(?:listed|set out|detailed|shown) below)\b/i;
/** "In particular, the backlog has been cleared" gives the detail itself; only "…, in particular." points on. */
const POINTS_ON = /\bin particular\W*$/i;

/** "… in the following areas:", "… in particular:", "Strengths" — text that announces what comes next. */
export function introducesList(text: string): boolean {
  if (/:\s*$/.test(text)) return true;
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  const last = sentences[sentences.length - 1];
  return LIST_INTRODUCTION.test(last) || POINTS_ON.test(last);
}

/** "These findings …", "The above areas …": words that point back at the list just given. */
const POINTS_BACK =
  /^(?:these|the above|all (?:of )?(?:these|the above)|both (?:of )?these)\s+(?:\S+\s+)?(?:findings|areas|strengths|weaknesses|issues|judgements|recommendations)\b/i;

/**
 * A paragraph after a list that opens by pointing back at it ("These findings are consistent with our own
 * audits …") says something about the findings; it is not one more of them. One that announces a list
 * ("These areas for development were identified:") is a lead-in all the same.
 */
export function commentsOnTheList(text: string): boolean {
  return POINTS_BACK.test(text) && !introducesList(text);
}

const CLOSING_REMARKS: RegExp[] = [
  /^(?:yours (?:sincerely|faithfully)|kind regards|best wishes|with best wishes|thank you)\b/i,
  /\b(?:identified|listed|set out|detailed|outlined|described|mentioned|noted|highlighted) above\b/i,
  /\bfuture inspections?\b/i,
  // "Ofsted will take the findings from this focused visit into account when planning your next inspection".
  // (Not "… taken into account when planning", which a finding may say.)
  /\b(?:will|to) take (?:the|these|its|our) findings\b.{0,60}\binto account\b/i,
  /\bwhen planning (?:your |the |its |our )?(?:next|future|subsequent) (?:inspections?|visits?)\b/i,
  /\bfull (?:inspection )?report\b/i,
  /\bif you (?:would like|want|wish)\b/i,
  /^(?:copy|copies|cc|contact officer|contact|background papers)\s*:/i,
  /\b(?:committee|cabinet|members|panel|board|council)\b.{0,40}\b(?:is|are) (?:asked|recommended|invited|requested)\b/i,
  /^that (?:the )?(?:committee|cabinet|members|panel|board|scrutiny)\b/i,
  /^(?:<?https?:\/\/|www\.)\S+>?$/i,
];

/** Sentences that end the findings: sign-offs, "the areas identified above will be considered …", links. */
export function isClosingRemark(text: string): boolean {
  return CLOSING_REMARKS.some((remark) => remark.test(text));
}

const ACTIONS_HEADING =
  /\b(?:how (?:we|the council|the authority|the service) (?:are|is|have been|has been|will be) (?:addressing|responding)|addressing the areas|actions? (?:taken|plan)|progress (?:against|on|made|since|to date)|response to the (?:areas|inspection|findings|letter))\b/i;

/** The heading of a committee report's section on what has been done about the areas for development. */
export function isActionsHeading(text: string): boolean {
  return ACTIONS_HEADING.test(text);
}

/** "Action taken:", "Actions completed:", "Progress to date:" — a label over a list of actions. */
export function isActionsLabel(text: string): boolean {
  return /^(?:actions?(?: (?:taken|completed|undertaken|to date|so far))?|progress(?: to date)?|what (?:we have|has been) done|update)\s*:?$/i.test(
    text.trim(),
  );
}
