/**
 * Every Redis key of the read models, in one place. Keys of an organisation's data carry it in braces
 * (`al:{org}:...`): a Redis Cluster hash tag, so one organisation's keys share a slot.
 */
export class ProjectionKeys {
  constructor(readonly prefix = 'al') {
    if (!/^[A-Za-z0-9:_-]+$/.test(prefix)) throw new TypeError(`Invalid key prefix "${prefix}".`);
  }

  /** Where an id's organisation is looked up: events after the root one do not carry it. */
  directory(scope: string): string {
    return `${this.prefix}:directory:${scope}`;
  }
  org(organisationId: string): string {
    return `${this.prefix}:{${organisationId}}`;
  }
  documents(organisationId: string, kind: string): string {
    return `${this.org(organisationId)}:${kind}`;
  }
  index(organisationId: string, ...parts: string[]): string {
    return [this.org(organisationId), 'ix', ...parts].join(':');
  }
  checkpoint(name: string): string {
    return `${this.prefix}:checkpoint:${name}`;
  }
  /** Reactors keep their checkpoints and state apart: a rebuild of the read models must not replay commands. */
  reactor(name: string, ...parts: string[]): string {
    return [`${this.prefix}:reactor`, name, ...parts].join(':');
  }
  lease(): string {
    return `${this.prefix}:runner:lease`;
  }
  rebuilding(): string {
    return `${this.prefix}:runner:rebuilding`;
  }
  /** Everything a rebuild drops: read models, directories and projection checkpoints. */
  isRebuildable(key: string): boolean {
    return (
      key.startsWith(`${this.prefix}:`) &&
      !KEPT_BY_A_REBUILD.some((namespace) => key.startsWith(`${this.prefix}:${namespace}:`))
    );
  }
}

/**
 * Namespaces under the prefix that are not read models: reactors' checkpoints and state, the runner's lease, and
 * the reminders' queues and timers (libs/reminders keeps them under `{prefix}:reminders`).
 */
const KEPT_BY_A_REBUILD = ['reactor', 'runner', 'reminders'] as const;
