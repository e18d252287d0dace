/**
 * Flesch–Kincaid grade level (Kincaid et al. 1975) for plain-language checks of the public pages:
 *   0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 * Syllables come from a heuristic (vowel groups, silent final "e", common endings), which is accurate to
 * about one syllable per long word: good enough to hold texts to a reading-age limit.
 */

/** Syllables in one English word (heuristic; at least 1). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') {
    return /\d/.test(word) ? 1 : 0;
  }
  if (w.length <= 3) {
    return 1;
  }
  const stem = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, stem.match(/[aeiouy]{1,2}/g)?.length ?? 0);
}

export interface ReadabilityStats {
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
  readonly grade: number;
}

/** Split text into sentences: at . ! ? (not inside numbers like 0.5) and at line breaks. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

export function wordsOf(sentence: string): string[] {
  return sentence
    .replace(/[–—/]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, ''))
    .filter((w) => w !== '');
}

export function fleschKincaid(text: string): ReadabilityStats {
  const sentences = sentencesOf(text);
  const words = sentences.flatMap(wordsOf);
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  if (sentences.length === 0 || words.length === 0) {
    return { sentences: 0, words: 0, syllables: 0, grade: 0 };
  }
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syl / words.length) - 15.59;
  return { sentences: sentences.length, words: words.length, syllables: syl, grade: Math.round(grade * 10) / 10 };
}
