// Renders a job summary the way github.com shows it, and lists what a reader would see wrong.
//
// GitHub renders Markdown with cmark-gfm (the extensions below) and then sanitizes the HTML with an
// allowlist; a job summary goes through the same pipeline as a comment. The tests use this to look
// at a summary as rendered HTML instead of as Markdown source.
import { spawnSync } from 'node:child_process';
import { parseHTML } from 'linkedom';

const CMARK = 'cmark-gfm';
const [ELEMENT_NODE, TEXT_NODE, COMMENT_NODE] = [1, 3, 8];
const CMARK_ARGS = [
  '--unsafe',
  ...['table', 'strikethrough', 'autolink', 'tagfilter'].flatMap((e) => ['--extension', e]),
];

// Allowlist of html-pipeline's SanitizationFilter::WHITELIST (gjtorikian/html-pipeline,
// lib/html/pipeline/sanitization_filter.rb, 2.x), without its non-elements h7/h8, plus the elements
// github.com keeps today beyond that list (caption, figure, picture, span, …; input only as a
// task-list checkbox).
const ALLOWED_ELEMENTS = new Set(
  `h1 h2 h3 h4 h5 h6 br b i strong em a pre code img tt div ins del sup sub p ol ul table thead tbody
   tfoot blockquote dl dt dd kbd q samp var hr ruby rt rp li tr td th s strike summary details caption
   figure figcaption abbr bdo cite dfn mark small span time wbr picture source input`.split(/\s+/),
);
// Elements removed together with their content (html-pipeline's remove_contents is script; style too).
const REMOVED_WITH_CONTENT = new Set(['script', 'style']);
// html-pipeline's per-element attributes, and its `:all` list that every allowed element may carry.
const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  img: ['src', 'longdesc'],
  div: ['itemscope', 'itemtype'],
  blockquote: ['cite'],
  del: ['cite'],
  ins: ['cite'],
  q: ['cite'],
};
const GLOBAL_ATTRIBUTES = new Set(
  `abbr accept accept-charset accesskey action align alt axis border cellpadding cellspacing char charoff
   charset checked clear cols colspan color compact coords datetime dir disabled enctype for frame headers
   height hreflang hspace ismap label lang maxlength media method multiple name nohref noshade nowrap open
   prompt readonly rel rev rows rowspan rules scope selected shape size span start summary tabindex target
   title type usemap valign value vspace width itemprop`.split(/\s+/),
);
// html-pipeline's :protocols: the URL schemes an attribute may use ('' = relative URL).
const URL_SCHEMES: Record<string, readonly string[]> = {
  href: ['http', 'https', 'mailto', 'github-windows', 'github-mac', ''],
  src: ['http', 'https', ''],
  longdesc: ['http', 'https', ''],
  cite: ['http', 'https', ''],
};

// The few DOM members used here (linkedom types its documents as `any` without the DOM lib).
interface Nd {
  nodeType: number;
  textContent: string | null;
  childNodes: Iterable<Nd>;
  remove(): void;
}
interface El extends Nd {
  localName: string;
  innerHTML: string;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  removeAttribute(name: string): void;
  replaceWith(...nodes: Nd[]): void;
  querySelector(selectors: string): El | null;
  querySelectorAll(selectors: string): Iterable<El>;
}

function parse(html: string): El {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

/** Markdown → the HTML github.com would show for it in a job summary. */
export function renderAsGitHub(markdown: string): string {
  const run = spawnSync(CMARK, CMARK_ARGS, {
    input: markdown,
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(
      `${CMARK} could not run (is it installed? apt-get install cmark-gfm): ${run.error.message}`,
    );
  if (run.status !== 0)
    throw new Error(`${CMARK} failed (${run.signal ?? `exit ${run.status}`}): ${run.stderr.trim()}`);
  const body = parse(run.stdout);
  sanitize(body);
  return body.innerHTML;
}

function scheme(url: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase() ?? '';
}

/** Why GitHub's sanitizer would unwrap this element, or undefined if it keeps it. */
function elementStripped(el: El): string | undefined {
  if (!ALLOWED_ELEMENTS.has(el.localName)) return `<${el.localName}> is not on GitHub's allowlist`;
  if (el.localName === 'input' && el.getAttribute('type') !== 'checkbox')
    return 'only checkbox inputs are kept';
  return undefined;
}

/** Why GitHub's sanitizer would drop this attribute of a kept element, or undefined if it keeps it. */
function attributeStripped(el: El, attr: string): string | undefined {
  if (!GLOBAL_ATTRIBUTES.has(attr) && !ELEMENT_ATTRIBUTES[el.localName]?.includes(attr))
    return `attribute ${attr} is not on GitHub's allowlist`;
  const value = el.getAttribute(attr) ?? '';
  if (URL_SCHEMES[attr] && !URL_SCHEMES[attr].includes(scheme(value)))
    return `${attr}="${value}" uses a URL scheme GitHub drops`;
  return undefined;
}

function sanitize(body: El): void {
  // querySelectorAll is in document order, so a parent is unwrapped before its children are visited.
  for (const el of [...body.querySelectorAll('*')]) {
    if (REMOVED_WITH_CONTENT.has(el.localName)) el.remove();
    else if (elementStripped(el)) el.replaceWith(...el.childNodes);
    else for (const attr of el.getAttributeNames()) if (attributeStripped(el, attr)) el.removeAttribute(attr);
  }
  const dropComments = (node: Nd): void => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === COMMENT_NODE) child.remove();
      else dropComments(child);
    }
  };
  dropComments(body);
}

// Blocks whose text a reader reads as one unit (compared for repetition, listed by beforeFirstDetails).
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, tr, summary, pre';
// Elements that start a new line of visible text: text inside one of them belongs to it.
const CONTAINERS = new Set(
  `${BLOCKS.replaceAll(',', '')} body div details blockquote table thead tbody tfoot td th ul ol dl dt dd
   caption figure figcaption`.split(/\s+/),
);

const LEAKS: [RegExp, string][] = [
  [/\*\*/, '"**"'],
  [/__/, '"__"'],
  [/`/, 'a backtick'],
  [/^\s*\|.*\|.*\|\s*$/m, 'a Markdown table row'],
  [/^\s*\|?(\s*:?-+:?\s*\|)+(\s*:?-+:?\s*)?$/m, 'a Markdown table separator'],
  [/^\s*#{1,6}\s/m, 'a Markdown heading marker'],
  [/<\/?[a-z][a-z0-9-]*(?=[\s/>]|$)/i, 'an HTML tag'],
  [/&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i, 'an HTML entity (double escaping)'],
  [/\[[^\]\n]*\]\([^)\n]*\)/, 'Markdown link syntax'],
];

/** The Markdown or HTML syntax a reader would see in this visible text, as short descriptions. */
export function leakedSyntax(text: string): string[] {
  return LEAKS.filter(([re]) => re.test(text)).map(([, what]) => what);
}

function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function where(el: El): string {
  const text = norm(el.textContent ?? '');
  return `<${el.localName}> "${text.length > 50 ? `${text.slice(0, 50)}…` : text}"`;
}

/** Visible text outside <code>/<pre>, by the innermost container it appears in (<br> = newline). */
function visibleTextByContainer(body: El): Map<El, string> {
  const texts = new Map<El, string>();
  const add = (container: El, text: string) => texts.set(container, (texts.get(container) ?? '') + text);
  const walk = (node: El, container: El): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === TEXT_NODE) add(container, child.textContent ?? '');
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as El;
      if (el.localName === 'br') add(container, '\n');
      else if (el.localName === 'code' || el.localName === 'pre') add(container, ' ');
      else if (!CONTAINERS.has(el.localName)) walk(el, container);
      else {
        add(container, '\n'); // text on either side of a nested block is not on one line
        walk(el, el);
      }
    }
  };
  walk(body, body);
  return texts;
}

/** What a reader of this rendered summary would see wrong, one sentence per problem. */
export function summaryProblems(html: string): string[] {
  const body = parse(html);
  const problems: string[] = [];

  for (const [i, table] of [...body.querySelectorAll('table')].entries()) {
    const thead = table.querySelector('thead');
    if (!thead) problems.push(`Table ${i + 1} has no header row (<thead>).`);
    else if ([...thead.querySelectorAll('th')].some((th) => !norm(th.textContent ?? '')))
      problems.push(`Table ${i + 1} has an empty column heading: ${where(thead)}.`);
  }

  for (const [el, text] of visibleTextByContainer(body))
    for (const what of leakedSyntax(text)) problems.push(`${what} shows as literal text in ${where(el)}.`);

  for (const el of body.querySelectorAll('*')) {
    const why = REMOVED_WITH_CONTENT.has(el.localName)
      ? `<${el.localName}> is removed with its content`
      : (elementStripped(el) ??
        el
          .getAttributeNames()
          .map((a) => attributeStripped(el, a))
          .find(Boolean));
    if (why) problems.push(`GitHub's sanitizer would strip ${where(el)}: ${why}.`);
  }

  const seen = new Map<string, El>();
  for (const el of leafBlocks(body)) {
    const text = norm(el.textContent ?? '');
    if (text.length <= 20) continue;
    const first = seen.get(text);
    if (first) problems.push(`${where(el)} repeats ${where(first)}.`);
    else seen.set(text, el);
  }
  return problems;
}

/** BLOCKS elements that contain no other BLOCKS element (an <li> holding a <p> is read as the <p>). */
function leafBlocks(body: El): El[] {
  return [...body.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
}

/** The first <h2>'s text, and the text of every block before the first <details>, in document order. */
export function beforeFirstDetails(html: string): { headline: string | undefined; blocksBefore: string[] } {
  const body = parse(html);
  const h2 = body.querySelector('h2');
  const leaves = new Set(leafBlocks(body));
  const blocksBefore: string[] = [];
  for (const el of [...body.querySelectorAll(`${BLOCKS}, details`)]) {
    if (el.localName === 'details') break;
    if (leaves.has(el)) blocksBefore.push(norm(el.textContent ?? ''));
  }
  return { headline: h2 ? norm(h2.textContent ?? '') : undefined, blocksBefore };
}
