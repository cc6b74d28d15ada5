/**
 * A command this actor may not give, though the record allows it (an owner completing someone else's action,
 * a lead verifying their own work). Its message is a sentence a user can act on.
 */
export class NotPermitted extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotPermitted';
  }
}
