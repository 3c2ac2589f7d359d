// The language packs, in the order detection breaks ties.
import { kk } from './kk.ts';
import { ru } from './ru.ts';
import type { Lang, LanguagePack } from './types.ts';

export type { AnswerKind, Lang, LanguagePack, UnitKind } from './types.ts';

export const PACKS: Record<Lang, LanguagePack> = { kk, ru };

export const LANGS = Object.keys(PACKS) as Lang[];

export const pack = (lang: Lang): LanguagePack => PACKS[lang];
