import { describe, expect, it } from 'vitest';
import { sessionNotes } from '../../src/background/session-notes';
import { fakeDeps } from '../fakes/fake-deps';

describe('one-time notes in storage.session', () => {
  it('are taken once, only those asked for, and expire after their lifetime', async () => {
    let now = 1_000_000;
    const deps = fakeDeps(async () => new Response(null, { status: 500 }), { now: () => now });
    const notes = sessionNotes<string>('test-notes', 60_000);
    await notes.put(deps, 'a', 'first');
    now += 30_000;
    await notes.put(deps, 'b', 'second');
    expect(await notes.take(deps, (value) => value === 'second')).toEqual(['second']);
    expect(await notes.take(deps, (value) => value === 'second')).toEqual([]);
    now += 31_000; // 'a' is now 61 s old
    expect(await notes.take(deps, () => true)).toEqual([]);
  });

  it('ignore what is not a note (an older format, or a bug)', async () => {
    const deps = fakeDeps(async () => new Response(null, { status: 500 }));
    await deps.session.set({ 'test-notes': [{ url: 'https://x' }, null, 'text'] });
    const notes = sessionNotes<string>('test-notes', 60_000);
    expect(await notes.take(deps, () => true)).toEqual([]);
    await notes.put(deps, 'c', 'kept');
    expect(await notes.take(deps, () => true)).toEqual(['kept']);
  });
});
