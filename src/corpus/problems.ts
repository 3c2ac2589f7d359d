// Why a document or a page was not taken, as data: the command line says it in English (PROBLEM_EN, the errors'
// messages), the bot in the admin's language (bot/texts.ts has a table per language, typed like this one, so a
// missing Kazakh or Russian wording fails the type check).
export type DocProblem =
  | { code: 'unsupported'; formats: string }
  | { code: 'missing' }
  | { code: 'tooLarge'; mb: number; limitMb: number; format?: string }
  | { code: 'unreadable'; detail: string; format?: string }
  | { code: 'corrupt'; format: string; detail: string }
  | { code: 'encrypted' }
  | { code: 'noText'; format?: string }
  | { code: 'notDocx'; damaged: boolean }
  | { code: 'zipBomb' }
  | { code: 'noArticle' }
  | { code: 'binary' }
  | { code: 'contentType'; type: string }
  | { code: 'encoding'; detail: string }
  | { code: 'manifest'; detail: string }
  | { code: 'notUrl' }
  | { code: 'scheme'; scheme: string }
  | { code: 'credentials' }
  | { code: 'internal'; host: string }
  | { code: 'redirects'; max: number }
  | { code: 'http'; status: number }
  | { code: 'cutOff' }
  | { code: 'timeout'; seconds: number }
  | { code: 'dns' }
  | { code: 'refused' }
  | { code: 'fetch'; detail: string }
  | { code: 'fetchTooLarge'; limitMb: number }
  // a document read in part (warnings, not refusals): scanned pages left unread
  | { code: 'scansSkipped'; pages: number[]; ocrOff: boolean; detail?: string }
  | { code: 'ocrFailed'; detail: string };

export type ProblemTexts = { [K in DocProblem['code']]: (p: Extract<DocProblem, { code: K }>) => string };

export const PROBLEM_EN: ProblemTexts = {
  unsupported: (p) => `unsupported file type (govqa reads ${p.formats})`,
  missing: () => 'no such file',
  tooLarge: (p) => (p.format ? `too large: ${p.mb.toFixed(1)} MB, a ${p.format} file may have at most ${p.limitMb} MB` : `too large: ${p.mb.toFixed(1)} MB, at most ${p.limitMb} MB`),
  unreadable: (p) => (p.format ? `cannot read this ${p.format} file (${p.detail})` : `cannot be read (${p.detail})`),
  corrupt: (p) => `not a readable ${p.format} (${p.detail})`,
  encrypted: () => 'the PDF is encrypted (password-protected)',
  noText: (p) => (p.format ? `the ${p.format} has no text` : 'no text found in it'),
  notDocx: (p) => (p.damaged ? 'not a DOCX file (a damaged zip archive)' : 'not a DOCX file (not a zip archive)'),
  zipBomb: () => 'refused: the archive inflates to far more than a document (a zip bomb?)',
  noArticle: () => 'no article found in the page',
  binary: () => 'binary file (contains NUL bytes), not text',
  contentType: (p) => `unsupported content type: ${p.type || 'none given'}`,
  encoding: (p) => p.detail,
  manifest: (p) => `the corpus manifest.json cannot be read (${p.detail}); fix it first`,
  notUrl: () => 'not a URL',
  scheme: (p) => `refused: only http and https URLs are read, not ${p.scheme}`,
  credentials: () => 'refused: a URL with a user name or password',
  internal: (p) => `refused: ${p.host} is an address inside this host's network`,
  redirects: (p) => `too many redirects (more than ${p.max})`,
  http: (p) => `the server answered HTTP ${p.status}`,
  cutOff: () => 'the connection was cut off mid-way',
  timeout: (p) => `timed out after ${p.seconds} s`,
  dns: () => 'the host name could not be resolved',
  refused: () => 'the connection was refused',
  fetch: (p) => `could not be fetched (${p.detail})`,
  fetchTooLarge: (p) => `too large: more than ${+p.limitMb.toFixed(2)} MB`,
  scansSkipped: (p) => `${p.pages.length} scanned page(s) (${p.pages.join(', ')}) skipped: ${p.ocrOff ? 'OCR is off' : p.detail}`,
  ocrFailed: (p) => `OCR failed, scanned page(s) skipped: ${p.detail}`,
};

/** A problem in the words of one table. */
export function describeProblem(texts: ProblemTexts, p: DocProblem): string {
  return (texts[p.code] as (p: DocProblem) => string)(p);
}

/** An error that carries its problem: its message is the English wording, plus any notes (what was skipped). */
export class ProblemError extends Error {
  constructor(
    readonly problem: DocProblem,
    /** what is said alongside (e.g. which scanned pages were skipped and why) */
    readonly notes: readonly DocProblem[] = [],
  ) {
    super([problem, ...notes].map((p) => describeProblem(PROBLEM_EN, p)).join(': '));
  }
}
