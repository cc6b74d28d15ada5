export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`There is no ${what} with id ${id}.`);
    this.name = 'NotFoundError';
  }
}
