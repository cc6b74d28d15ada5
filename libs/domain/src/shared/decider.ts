/** Everything a command needs that does not come from the user: the time, injected so tests can move it. */
export interface CommandMetadata {
  now: Date;
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
