/** A bad input value: names the input, the value and what is accepted. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly value: string,
    readonly accepted: string,
  ) {
    super(`Input '${input}' has the value ${JSON.stringify(value)}; accepted: ${accepted}.`);
    this.name = 'InputError';
  }
}
