import { describe, expect, it } from 'vitest';
import { astroBuildEnv, astroHeapLimitMB } from '../../src/lib/build-memory.ts';

describe('memory settings of astro build', () => {
  it('sizes the heap limit for the archive', () => {
    expect(astroHeapLimitMB(0)).toBe(768);
    expect(astroHeapLimitMB(10_000)).toBe(1268);
    expect(astroHeapLimitMB(50_000)).toBe(3268);
  });

  it('adds a heap limit and fewer malloc arenas to the environment, keeping the rest', () => {
    const env = astroBuildEnv({ PATH: '/bin', NODE_OPTIONS: '--enable-source-maps' }, 10_000);
    expect(env).toEqual({ PATH: '/bin', NODE_OPTIONS: '--enable-source-maps --max-old-space-size=1268', MALLOC_ARENA_MAX: '2' });
    expect(astroBuildEnv({}, 0).NODE_OPTIONS).toBe('--max-old-space-size=768');
  });

  it('leaves settings that whoever runs the build chose', () => {
    const env = astroBuildEnv({ NODE_OPTIONS: '--max-old-space-size=8192', MALLOC_ARENA_MAX: '4' }, 10_000);
    expect(env).toEqual({ NODE_OPTIONS: '--max-old-space-size=8192', MALLOC_ARENA_MAX: '4' });
  });
});
