/** A command that the current state does not allow. Its message is a sentence a user can act on. */
export class DomainRuleViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainRuleViolation';
  }
}
