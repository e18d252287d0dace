/** Messages between the benchmark driver (run.ts) and its server child (server.ts), over the IPC channel. */

export interface Chair {
  readonly sessionId: string;
  readonly token: string;
  readonly deviceId: string;
}

export type ToServer = { readonly type: 'rss' } | { readonly type: 'raw'; readonly concurrency: number; readonly seconds: number } | { readonly type: 'stop' };

export type FromServer =
  | { readonly type: 'progress'; readonly prepared: number }
  | { readonly type: 'ready'; readonly port: number; readonly chairs: readonly Chair[]; readonly boardCookies: readonly string[]; readonly setupSeconds: number; readonly kind: string }
  | { readonly type: 'rss'; readonly rss: number }
  | { readonly type: 'raw'; readonly inserted: number; readonly errors: number; readonly seconds: number }
  | { readonly type: 'failed'; readonly message: string };
