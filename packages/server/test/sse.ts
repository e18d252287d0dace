/** Reads a Server-Sent-Events response in a test: the next event of any kind, or the next of one kind (skipping others). */
export interface SseEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

export function sseReader(res: Response): { nextEvent: () => Promise<SseEvent>; next: (event: string) => Promise<Record<string, unknown>> } {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const nextEvent = async (): Promise<SseEvent> => {
    for (;;) {
      const m = /event: (\w+)\ndata: (.*)\n\n/.exec(buffer);
      if (m !== null) {
        buffer = buffer.slice(m.index + m[0].length);
        return { event: m[1] ?? '', data: JSON.parse(m[2] ?? '{}') as Record<string, unknown> };
      }
      const chunk = await reader.read();
      if (chunk.done) {
        throw new Error('stream ended');
      }
      buffer += decoder.decode(chunk.value);
    }
  };
  const next = async (event: string): Promise<Record<string, unknown>> => {
    for (;;) {
      const e = await nextEvent();
      if (e.event === event) {
        return e.data;
      }
    }
  };
  return { nextEvent, next };
}
