import { describe, expect, it } from 'vitest';
import { fleschKincaid, sentencesOf, syllables } from './readability';

describe('Flesch–Kincaid grade', () => {
  it.each([
    ['cat', 1],
    ['table', 2],
    ['ketamine', 3],
    ['monitoring', 4],
    ['pressure', 2],
    ['treatment', 2],
    ['depression', 3],
    ['anaesthetic', 4],
    ['the', 1],
    ['eye', 1],
    ['people', 2],
    ['every', 2],
    ['medicine', 3],
    ['studied', 2],
    ['2', 1],
  ])('counts syllables in "%s" as %d (±1 for words of 5+ letters)', (word, n) => {
    expect(Math.abs(syllables(word) - n)).toBeLessThanOrEqual(word.length >= 5 ? 1 : 0);
  });

  it('splits sentences at full stops but not inside decimals', () => {
    expect(sentencesOf('The dose is 0.5 mg per kg. It runs for 40 minutes! Is it safe?')).toHaveLength(3);
    expect(sentencesOf('One item\nAnother item')).toHaveLength(2);
  });

  it('rates simple text low and dense text high', () => {
    expect(fleschKincaid('The cat sat on the mat. It was a sunny day. We had fun.').grade).toBeLessThan(3);
    const dense = 'Pharmacokinetic characterisation of intranasal esketamine demonstrates considerable interindividual variability, necessitating individualised monitoring methodologies throughout administration.';
    expect(fleschKincaid(dense).grade).toBeGreaterThan(15);
  });

  it('matches a published reference value closely', () => {
    // Standard example: "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature." FK ≈ 13.1
    const g = fleschKincaid('The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.').grade;
    expect(g).toBeGreaterThan(11);
    expect(g).toBeLessThan(15);
  });
});
