import type { JurisdictionCode } from '@ketapath/clinical';
import type { EduSourceId } from './sources';

/** A factual statement and the sources it rests on (at least one). */
export interface Fact {
  readonly text: string;
  readonly src: readonly [EduSourceId, ...EduSourceId[]];
}

export type Block =
  /** A paragraph of facts. */
  | { readonly kind: 'p'; readonly facts: readonly Fact[] }
  /** Guidance or signposting without factual claims (no numbers allowed; checked by a test). */
  | { readonly kind: 'plain'; readonly text: string }
  | { readonly kind: 'h2'; readonly text: string; readonly id?: string }
  | { readonly kind: 'list'; readonly items: readonly Fact[] }
  | { readonly kind: 'table'; readonly caption: string; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly src: readonly [EduSourceId, ...EduSourceId[]] }
  /** Content that depends on the visitor's country (null = not known). */
  | { readonly kind: 'country'; readonly render: (code: JurisdictionCode | null) => readonly Block[] }
  /** What to do in a crisis, for the visitor's country. */
  | { readonly kind: 'crisis' };

export interface Topic {
  readonly slug: string;
  readonly title: string;
  /** Meta description and index summary (plain, no claims). */
  readonly summary: string;
  readonly blocks: readonly Block[];
}

/** Shorthand: one fact with its sources. */
export function f(text: string, ...src: [EduSourceId, ...EduSourceId[]]): Fact {
  return { text, src };
}

export function p(...facts: Fact[]): Block {
  return { kind: 'p', facts };
}

export function h2(text: string, id?: string): Block {
  return id === undefined ? { kind: 'h2', text } : { kind: 'h2', text, id };
}

export function plain(text: string): Block {
  return { kind: 'plain', text };
}

export function list(...items: Fact[]): Block {
  return { kind: 'list', items };
}

/** Every block of a topic for a given country (country blocks expanded). */
export function expandBlocks(blocks: readonly Block[], code: JurisdictionCode | null): Block[] {
  return blocks.flatMap((b) => (b.kind === 'country' ? expandBlocks(b.render(code), code) : [b]));
}
