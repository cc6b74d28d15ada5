/** Who issues a command: the user, the role they act in, the organisation they act for. */
export interface CommandActor {
  userId: string;
  role: string;
  organisationId: string | null;
}

/**
 * Everything a command needs that does not come from what the user typed: the time, injected so tests can move
 * it, and who is acting, for the rules that depend on it (four eyes, an owner's own actions).
 */
export interface CommandMetadata {
  now: Date;
  actor: CommandActor;
}

/** An event as the domain sees it: a past-tense type and plain data. Metadata is added by the application. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface DomainCommand<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** One aggregate's behaviour as pure functions: the shape every command handler drives. */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}
