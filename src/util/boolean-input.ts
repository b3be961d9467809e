// A yes/no action input as @actions/core's getBooleanInput reads it: the YAML 1.2 core schema
// booleans, nothing else. One parser for both steps, so that setup refuses what the report would.

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/** The value, the fallback when empty, or undefined when it is not a boolean at all. */
export function parseBooleanInput(value: string, fallback: boolean): boolean | undefined {
  const text = value.trim();
  if (text === '') return fallback;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
}
