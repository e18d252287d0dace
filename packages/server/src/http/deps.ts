import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config/config';
import type { Database, Db } from '../db/types';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything the imperative shell needs, built once in main.ts (or by a test) and passed down. */
export interface Deps {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
}
