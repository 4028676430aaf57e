/**
 * Memory settings of the `astro build` process that `npm run build` starts.
 *
 * Measured at 10,000 documents (bench/README.md, “Incremental pages, the
 * content store, Astro's memory” and “Strings that kept their texts”): V8
 * lets a heap grow towards its default limit (about 4 GB here) long before
 * it needs to, so Astro's process held 2.3 GB at its peak. The limit also
 * applies to the chart worker's heap (a worker thread's own `resourceLimits`
 * give way to the flag). The live heap grows with the archive (about 640 MB
 * at 10,000 documents, 980 MB at 20,000), and so does the limit, with room
 * to spare: 1,268 MB at 10,000 documents held Astro to 1.74 GB, no slower;
 * 3,268 MB at 50,000 built them all. glibc's default of one malloc arena per
 * thread adds about 100 MB more of memory allocated and never returned.
 */

/** The heap limit for a build of no documents. */
const BASE_HEAP_MB = 768;
/** Added to the heap limit per 1,000 documents. */
const HEAP_MB_PER_THOUSAND_DOCUMENTS = 50;
/** glibc malloc arenas for Astro's process (its default is eight per core). */
const MALLOC_ARENAS = '2';

/** The heap limit, in MB, for building `documents` documents. */
export function astroHeapLimitMB(documents: number): number {
  return BASE_HEAP_MB + Math.ceil((HEAP_MB_PER_THOUSAND_DOCUMENTS * documents) / 1000);
}

/**
 * The environment for `astro build` of `documents` documents: `env` with a
 * heap limit and fewer malloc arenas, unless `env` already sets them.
 */
export function astroBuildEnv(env: NodeJS.ProcessEnv, documents: number): NodeJS.ProcessEnv {
  const nodeOptions = env.NODE_OPTIONS ?? '';
  return {
    ...env,
    NODE_OPTIONS: /--max-old-space-size/.test(nodeOptions)
      ? nodeOptions
      : `${nodeOptions} --max-old-space-size=${astroHeapLimitMB(documents)}`.trim(),
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? MALLOC_ARENAS,
  };
}
