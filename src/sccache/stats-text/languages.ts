// The language keys: `--show-adv-stats` keys mapped to those of `--show-stats` and the JSON `counts`.

/** The key of cacheHits/cacheMisses/cacheErrors for a total that no per-language row splits. */
export const UNSPLIT_LANGUAGE = '(all languages)';

/**
 * `--show-adv-stats` keys (`Language::as_str()` plus ` [<compiler>]`, or `rust`) → the language key
 * `--show-stats` and the JSON `counts` use: CompilerKind::lang_kind in sccache's
 * src/compiler/compiler.rs (v0.6.0 … v0.17.0; the mapping only grew).
 */
const ADVANCED_LANGUAGES: ReadonlyMap<string, string> = new Map([
  ['assemblerToPreprocess', 'Assembler'],
  ['assembler', 'Assembler'],
  ...[
    'c',
    'cHeader',
    'cPreprocessed',
    'c++',
    'c++Header',
    'c++Preprocessed',
    'c++-module',
    'c/c++',
    'objc',
    'objcPreprocessed',
    'objc++',
    'objc++Preprocessed',
  ].map((key): [string, string] => [key, 'C/C++']),
  ['cuda', 'CUDA'],
  ['ptx', 'PTX'],
  ['cubin', 'CUBIN'],
  ['rust', 'Rust'],
  ['hip', 'HIP'],
]);

/** The `--show-stats` keys this parser knows (kept as they are). */
export const PLAIN_LANGUAGES: ReadonlySet<string> = new Set([
  ...ADVANCED_LANGUAGES.values(),
  'CUDA (Device code)',
]);

/**
 * The `--show-stats` language key of a `--show-adv-stats` key, or undefined when it is not one this
 * parser knows (a `--show-stats` key such as `Rust` is one, and is kept as it is).
 */
export function languageOfAdvancedKey(key: string): string | undefined {
  if (key === 'rust') return 'Rust'; // rustc: the language alone
  const open = key.lastIndexOf(' [');
  if (open <= 0 || !key.endsWith(']') || open + 3 === key.length) return undefined; // `<language> [<compiler>]`
  const language = key.slice(0, open);
  const compiler = key.slice(open + 2, -1);
  if (language === 'rust') return undefined;
  // Language::CudaFE prints as `cuda` too; only the cudafe++ compiler handles it (src/compiler/cudafe.rs).
  if (language === 'cuda' && compiler === 'cudafe++') return 'CUDA (Device code)';
  return ADVANCED_LANGUAGES.get(language);
}
