import type { AppEvent } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../adapters/event-bus.js';
import { EventReplay } from './event-replay.js';

const log = (line: string): AppEvent => ({ type: 'swap.log', at: '2026-12-05T00:00:00Z', swapId: 's', line });
const lines = (events: { event: AppEvent }[] | undefined) =>
  events?.map(({ event }) => (event.type === 'swap.log' ? event.line : event.type));

describe('EventReplay', () => {
  it('replays exactly the kept events after an id, and nothing it no longer holds', () => {
    const bus = new EventBus();
    const replay = new EventReplay(bus, 3, 'boot');
    expect(replay.lastId).toBe('boot-0');
    expect(replay.since('boot-0')).toEqual([]);
    for (const line of ['1', '2', '3', '4', '5']) bus.publish(log(line));
    expect(replay.lastId).toBe('boot-5');
    // 3, 4 and 5 are kept: an id from 2 on can be resumed, 1 cannot.
    expect(lines(replay.since('boot-2'))).toEqual(['3', '4', '5']);
    expect(lines(replay.since('boot-4'))).toEqual(['5']);
    expect(replay.since('boot-5')).toEqual([]);
    expect(replay.since('boot-1')).toBeUndefined();
    expect(replay.since('boot-6')).toBeUndefined();
    expect(replay.since('earlier-4')).toBeUndefined();
    expect(replay.since('')).toBeUndefined();
    expect(replay.since('boot-99999999999999999999')).toBeUndefined();
  });

  it('hands each new event to its subscribers with its id', () => {
    const bus = new EventBus();
    const replay = new EventReplay(bus, 10, 'b');
    const seen: string[] = [];
    const unsubscribe = replay.subscribe(({ id }) => seen.push(id));
    bus.publish(log('x'));
    unsubscribe();
    bus.publish(log('y'));
    expect(seen).toEqual(['b-1']);
  });
});
