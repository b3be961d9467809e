// An action input with a bad value: the message names the input, as the step's failure shows it.
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`input ${input}: ${message}`);
  }
}
