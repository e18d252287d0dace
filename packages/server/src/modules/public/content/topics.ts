import type { Topic } from './model';
import { COSTS, LEGAL_STATUS } from './topics-law-costs';
import { LONG_TERM, SIDE_EFFECTS } from './topics-safety';
import { CANDIDATES, HOW_IT_WORKS, ROUTES_TOPIC, SESSION } from './topics-treatment';

/** The education pages, in reading order (each at /learn/<slug>). */
export const TOPICS: readonly Topic[] = [HOW_IT_WORKS, CANDIDATES, ROUTES_TOPIC, SESSION, SIDE_EFFECTS, LONG_TERM, LEGAL_STATUS, COSTS];

export function topicBySlug(slug: string): Topic | undefined {
  return TOPICS.find((t) => t.slug === slug);
}
