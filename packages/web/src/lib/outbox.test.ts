import { describe, expect, it } from 'vitest';
import { memoryStore, newClientId, Outbox, type PendingReading } from './outbox';
import { ageText, clock, countdownText, setClockSource, syncServerTime } from './clock';

const reading = (takenAt: string, hr: number): PendingReading['reading'] => ({ clientId: newClientId(), takenAt, heartRate: hr });

describe('reading outbox', () => {
  it('keeps readings through failures and sends each with its original id and time until the server has it', async () => {
    const server = new Map<string, PendingReading['reading']>();
    let online = false;
    const sent: number[] = [];
    const outbox = new Outbox(
      memoryStore(),
      (_sid, readings) => {
        sent.push(readings.length);
        if (!online) {
          return Promise.reject(new Error('No connection to the server'));
        }
        return Promise.resolve({
          readings: readings.map((r) => {
            const duplicate = server.has(r.clientId);
            server.set(r.clientId, r);
            return { clientId: r.clientId, duplicate };
          }),
        });
      },
      () => '2026-11-30T14:00:00.000Z',
    );
    const a = reading('2026-11-30T14:05:00.000Z', 80);
    const b = reading('2026-11-30T14:10:00.000Z', 82);
    await outbox.add('s1', a);
    await outbox.add('s1', b);
    await outbox.flush();
    const waiting = await outbox.pending('s1');
    expect(waiting.map((p) => [p.reading.clientId, p.attempts, p.lastError])).toEqual([
      [a.clientId, 1, 'No connection to the server'],
      [b.clientId, 1, 'No connection to the server'],
    ]);
    online = true;
    await Promise.all([outbox.flush(), outbox.flush()]);
    expect(await outbox.pending()).toEqual([]);
    expect([...server.values()]).toEqual([a, b]);
    expect(sent).toEqual([2, 2]);
  });
});

describe('chairside clock', () => {
  it('follows the server time and writes ages and countdowns with their units', () => {
    setClockSource(() => Date.parse('2026-11-30T14:00:00Z'));
    syncServerTime('2026-11-30T14:02:00Z');
    expect(clock.nowIso()).toBe('2026-11-30T14:02:00.000Z');
    expect(ageText('2026-11-30T14:01:30Z')).toBe('just now');
    expect(ageText('2026-11-30T13:50:00Z')).toBe('12 min ago');
    expect(ageText('2026-11-30T12:40:00Z')).toBe('1 h 22 min ago');
    expect(countdownText(299.2)).toBe('5:00');
    expect(countdownText(-4)).toBe('0:00');
  });
});
