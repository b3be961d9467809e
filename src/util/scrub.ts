// The last line of defence behind redact(): every exact credential value the job is configured with
// (the runtime token, a Redis password, an AWS secret, ...) replaced wherever it appears, whatever
// shape of text carries it. The runner masks what is printed, but not the files we write (the
// summary, the outputs, the saved state); and a password may hold a character redact() takes for the
// end of a URL.

/** Shorter values would garble ordinary words; the runner still masks them in the log. */
const MIN_SECRET = 4;

/** A function that replaces each of `secrets` in a text by `***`, longest first. */
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  const values = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET))].sort(
    (a, b) => b.length - a.length,
  );
  if (values.length === 0) return (text) => text;
  return (text) =>
    values.reduce((out, secret) => (out.includes(secret) ? out.replaceAll(secret, '***') : out), text);
}
