/**
 * Masking for the page description («Сохранить описание страницы для поддержки», issue 10). The
 * rule is "keep only what we know is the portal's": a word survives only when it is one of the
 * interface's words ({@link Vocabulary}); everything else is replaced by its shape — each capital
 * letter by «А»/«A», each small letter by «а»/«a», each digit by «0», punctuation and spaces as
 * they are (`Смирнова Дарья` → `Аааааааа Ааааа`, `148-481-255 85` → `000-000-000 00`).
 * Pure functions: no DOM, no browser.
 */
import { fold, words } from '@/utils/guide/text';

/**
 * The interface's words: what the flows look for, plus each portal's common words. Built by
 * {@link vocabularyOf}; compared folded (lower case, «ё» as «е»).
 */
export interface Vocabulary {
  /** Folded words without digits (`получить`, `сертификат`, `e`, `mail`). */
  readonly words: ReadonlySet<string>;
  /**
   * Whole phrases that contain a number (`от 5 до 18 лет`), as folded words: a number is kept
   * only inside a run of words that is one of these phrases; any other number is masked.
   */
  readonly numbered: ReadonlyArray<readonly string[]>;
  /**
   * Words kept inside identifiers and URL paths, lower case (`modal`, `select2`, `services`):
   * `MARKUP_WORDS` and the words of the flows' CSS hints and paths. Any other word there is masked.
   */
  readonly markup: ReadonlySet<string>;
}

/**
 * Builds a vocabulary from interface phrases and markup words.
 * @param phrases texts the portal shows (labels, buttons, headings, messages), any case
 * @param markup words kept in identifiers and paths (any case)
 * @returns the vocabulary: every digit-free word of every phrase, the phrases holding numbers,
 *   and the markup words in lower case
 */
export function vocabularyOf(phrases: Iterable<string>, markup: Iterable<string> = []): Vocabulary {
  const set = new Set<string>();
  const numbered: string[][] = [];
  for (const p of phrases) {
    const w = words(p);
    let hasNumber = false;
    for (const x of w) {
      if (/\d/.test(x)) hasNumber = true;
      else set.add(x);
    }
    if (hasNumber) numbered.push(w);
  }
  return { words: set, numbered, markup: new Set(Array.from(markup, (m) => m.toLowerCase())) };
}

/** The shape of one character: «А»/«а» for Cyrillic, «A»/«a» for other letters, «0» for digits, the rest as is. */
function shapeChar(ch: string): string {
  if (/\p{Nd}/u.test(ch)) return '0';
  if (!/\p{L}/u.test(ch)) return ch;
  const upper = ch !== ch.toLowerCase() && ch === ch.toUpperCase();
  if (/\p{Script=Cyrillic}/u.test(ch)) return upper ? 'А' : 'а';
  return upper ? 'A' : 'a';
}

/**
 * The shape of a text: every letter and digit replaced (see the module's comment), everything
 * else kept. Idempotent: the shape of a shape is itself.
 * @example maskShape('Смирнов А.А., 14.03.2015') → 'Аааааааа А.А., 00.00.0000'
 */
export function maskShape(s: string): string {
  let out = '';
  for (const ch of s) out += shapeChar(ch);
  return out;
}

/** Runs of letters/digits (a word) and of anything else (a separator). */
const TOKENS = /[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+/gu;
const WORDISH = /^[\p{L}\p{N}\p{M}]/u;

/**
 * Masks a text by the vocabulary: each word that is an interface word stays as written; a number
 * stays only inside a whole phrase of {@link Vocabulary.numbered}; every other word gets its shape.
 * Separators (spaces, punctuation) stay. Idempotent: `maskText(maskText(s, v), v) === maskText(s, v)`.
 * @param s any text (a text node, an attribute's value)
 * @param vocab the interface's words
 * @returns the masked text, same length in characters
 * @example maskText('Дети: Смирнова Дарья', v) → 'Дети: Аааааааа Ааааа'
 */
export function maskText(s: string, vocab: Vocabulary): string {
  const tokens = s.match(TOKENS) ?? [];
  const wordIdx: number[] = [];
  tokens.forEach((t, i) => {
    if (WORDISH.test(t)) wordIdx.push(i);
  });
  const keep = new Set<number>();
  if (vocab.numbered.length) {
    const folded = wordIdx.map((i) => fold(tokens[i]));
    for (const phrase of vocab.numbered) {
      outer: for (let k = 0; k + phrase.length <= folded.length; k++) {
        for (let j = 0; j < phrase.length; j++) if (folded[k + j] !== phrase[j]) continue outer;
        for (let j = 0; j < phrase.length; j++) keep.add(wordIdx[k + j]);
      }
    }
  }
  let out = '';
  tokens.forEach((t, i) => {
    if (!WORDISH.test(t)) out += t;
    // A one-letter word before a full stop is an initial («Е.В.»), never the interface's «в».
    else if (keep.has(i) || (!/\p{N}/u.test(t) && vocab.words.has(fold(t)) && !(t.length === 1 && tokens[i + 1]?.startsWith('.')))) out += t;
    else out += maskShape(t);
  });
  return out;
}

/** Separators inside identifiers and path segments, kept as they are. */
const IDENT_PARTS = /[-_:.~]+|[^-_:.~]+/g;

/** One part of an identifier: kept when a markup word (as is, or each of its camelCase pieces), else its shape. */
function maskIdentPart(part: string, vocab: Vocabulary): string {
  if (/^[-_:.~]+$/.test(part)) return part;
  if (/^[A-Za-z0-9]+$/.test(part)) {
    if (vocab.markup.has(part.toLowerCase())) return part;
    const pieces = part.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
    if (pieces.join('') === part && pieces.every((x) => vocab.markup.has(x.toLowerCase()))) return part;
  }
  return maskShape(part);
}

/**
 * Masks an identifier of markup (an id, a class, a field's `name`, a URL path segment): each part
 * between `-`, `_`, `:`, `.`, `~` stays when it is a markup word of the vocabulary (`modal`,
 * `select2`, `loginname`, `primaryButton`); any other part — a name in Latin letters, a number,
 * Cyrillic, an e-mail — gets its shape. Idempotent. Not unique: see {@link Identifiers}.
 * @example maskIdent('child-4207000002', v) → 'child-0000000000'; maskIdent('smirnova-card', v) → 'aaaaaaaa-card'
 */
export function maskIdent(s: string, vocab: Vocabulary): string {
  return (s.match(IDENT_PARTS) ?? []).map((p) => maskIdentPart(p, vocab)).join('');
}

/**
 * Masks the value of an HTML/ARIA keyword attribute (`role`, `type`, `aria-expanded`,
 * `autocomplete`, `tabindex`): a small number (up to 3 digits: `tabindex="-1"`, `colspan="2"`)
 * stays; otherwise each space-separated word is masked as an identifier ({@link maskIdent}), so
 * `role="dialog"` stays and `aria-foo="smirnova"` does not. Idempotent.
 */
export function maskKeyword(s: string, vocab: Vocabulary): string {
  if (/^-?\d{1,3}$/.test(s)) return s;
  return s
    .slice(0, 80)
    .split(/(\s+)/)
    .map((w) => (/^\s*$/.test(w) ? w : maskIdent(w, vocab)))
    .join('');
}

/**
 * Masked identifiers that stay distinct and consistent within one description: the same id
 * always gives the same masked id (so `for`, `aria-labelledby`, `aria-controls` and `href="#…"`
 * keep pointing at their element), and two ids that mask alike get suffixes `-0`, `-00`… (zeros,
 * so masking again changes nothing).
 */
export class Identifiers {
  private readonly byOriginal = new Map<string, string>();
  private readonly used = new Set<string>();

  /** @param vocab the vocabulary of the description */
  constructor(private readonly vocab: Vocabulary) {}

  /**
   * @param s an identifier as on the page
   * @returns its masked form, stable for this instance
   */
  get(s: string): string {
    const known = this.byOriginal.get(s);
    if (known !== undefined) return known;
    const base = maskIdent(s, this.vocab);
    let out = base;
    for (let n = 1; this.used.has(out); n++) out = `${base}-${'0'.repeat(n)}`;
    this.used.add(out);
    this.byOriginal.set(s, out);
    return out;
  }

  /** Masks a space-separated list of identifiers (`aria-labelledby="a b"`). */
  list(s: string): string {
    return s
      .split(/\s+/)
      .filter(Boolean)
      .map((x) => this.get(x))
      .join(' ');
  }
}

/**
 * Masks a URL path segment by segment, each decoded and masked as an identifier
 * ({@link maskIdent}). Query and fragment are never passed.
 * @param path a URL's `pathname`, e.g. `/services/dop/certificate/4207000002/`
 * @param vocab the vocabulary (its markup words)
 * @returns e.g. `/services/dop/certificate/0000000000/`
 */
export function maskPath(path: string, vocab: Vocabulary): string {
  return path
    .split('/')
    .map((seg) => {
      if (!seg) return seg;
      let decoded = seg;
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        // keep as is
      }
      return maskIdent(decoded, vocab);
    })
    .join('/');
}
