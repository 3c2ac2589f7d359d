// The kk↔ru glossary (data/glossary.tsv), applied to questions: a Russian question about «акимат» also looks for
// «әкімдік». Read at start, not baked into the index, so editing it needs no reindex.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultAnalyzer, isPrefixTerm, type Analyzer } from './analyzer.ts';
import type { Lang } from './lang.ts';

export const DEFAULT_GLOSSARY = fileURLToPath(new URL('../../data/glossary.tsv', import.meta.url));

/** One way of saying a concept, as its stems (a phrase has several). */
type Form = readonly string[];

export class Glossary {
  private readonly byStem = new Map<string, Form[][]>();

  /** `concepts`: per line, the Kazakh forms and the Russian forms of one concept. */
  constructor(concepts: { kk: string[]; ru: string[] }[], analyzer: Analyzer = defaultAnalyzer) {
    for (const { kk, ru } of concepts) {
      const stems = (w: string, lang: Lang) => analyzer.analyze(w, lang).filter((t) => !isPrefixTerm(t));
      const forms = [...kk.map((w) => stems(w, 'kk')), ...ru.map((w) => stems(w, 'ru'))].filter((f) => f.length > 0);
      if (forms.length < 2) continue;
      for (const form of forms) {
        for (const stem of form) {
          const list = this.byStem.get(stem) ?? [];
          list.push(forms);
          this.byStem.set(stem, list);
        }
      }
    }
  }

  static parse(tsv: string, analyzer: Analyzer = defaultAnalyzer): Glossary {
    const words = (side = '') => side.split(',').map((w) => w.trim()).filter(Boolean);
    const concepts = tsv
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => {
        const [kk, ru] = line.split('\t');
        return { kk: words(kk), ru: words(ru) };
      });
    return new Glossary(concepts, analyzer);
  }

  static load(path = DEFAULT_GLOSSARY, analyzer: Analyzer = defaultAnalyzer): Glossary {
    return Glossary.parse(readFileSync(path, 'utf8'), analyzer);
  }

  /**
   * The forms that say what `stems` say, in the other language, each as its stems less those of `context` (the
   * whole question): one stem for a word, several for a phrase («ауа райы» for «погода»), which a text says only
   * with all of them. A phrase of the question («глава государства») counts only when all its stems are in `context`.
   */
  equivalents(stems: ReadonlySet<string>, context: ReadonlySet<string> = stems): Form[] {
    const out = new Map<string, Form>();
    for (const stem of stems) {
      for (const forms of this.byStem.get(stem) ?? []) {
        if (!forms.some((form) => form.includes(stem) && form.every((s) => context.has(s)))) continue;
        for (const form of forms) {
          const rest = form.filter((s) => !context.has(s));
          if (rest.length) out.set(rest.join(' '), rest);
        }
      }
    }
    return [...out.values()];
  }
}
