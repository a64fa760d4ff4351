import { afterEach, describe, expect, it, vi } from 'vitest';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  afterEach(() => vi.useRealTimers());

  it('forgets the least recently used entry first when full', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now newer than b
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('forgets an entry left unused for its idle time, and keeps one in use', () => {
    vi.useFakeTimers();
    const cache = new LruCache<string, string>(10, 1_000);
    cache.set('used', 'x');
    cache.set('idle', 'y');
    vi.advanceTimersByTime(600);
    expect(cache.get('used')).toBe('x');
    vi.advanceTimersByTime(600);
    expect(cache.get('used')).toBe('x');
    // The idle entry is gone from memory at the next write, not only hidden from reads.
    cache.set('new', 'z');
    expect(cache.size).toBe(2);
    expect(cache.get('idle')).toBeUndefined();
  });

  it('makes a value once and gives the same one after', () => {
    const cache = new LruCache<string, object>(10);
    let made = 0;
    const make = () => {
      made++;
      return {};
    };
    const first = cache.getOrSet('k', make);
    expect(cache.getOrSet('k', make)).toBe(first);
    expect(made).toBe(1);
    cache.delete('k');
    expect(cache.getOrSet('k', make)).not.toBe(first);
    expect(made).toBe(2);
  });
});
