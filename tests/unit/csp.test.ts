import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, foreignSources, parseCsp } from '../../src/lib/csp.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

describe('content security policy', () => {
  it('parses a policy into directives and sources', () => {
    const policy = parseCsp("default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-abc=' ;");
    expect([...policy.keys()]).toEqual(['default-src', 'img-src', 'script-src']);
    expect(policy.get('script-src')).toEqual(["'self'", "'sha256-abc='"]);
  });

  it('flags every source beyond the own origin, hashes and WebAssembly', () => {
    expect(foreignSources("default-src 'self'; script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval'; object-src 'none'")).toEqual([]);
    expect(foreignSources("default-src 'self' https://cdn.example; script-src 'unsafe-inline' *; style-src 'unsafe-eval'")).toEqual([
      'default-src https://cdn.example',
      "script-src 'unsafe-inline'",
      'script-src *',
      "style-src 'unsafe-eval'",
    ]);
  });

  it('has nginx send the same origin-only directives as the pages, plus frame-ancestors', async () => {
    const conf = await readFile(path.join(REPO_ROOT, 'scripts/nginx/gazette.conf'), 'utf8');
    const header = /add_header Content-Security-Policy "([^"]+)"/.exec(conf)![1]!.replace('$gazette_script_src', "'self'");
    const policy = parseCsp(header);
    for (const directive of CSP_DIRECTIVES) {
      const [name, ...sources] = directive.split(' ');
      expect(policy.get(name!), name).toEqual(sources);
    }
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(foreignSources(header)).toEqual([]);
    // Only the search location widens script-src, and only by WebAssembly compilation.
    const widened = [...conf.matchAll(/set \$gazette_script_src "([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(widened)).toEqual(new Set(["'self'", "'self' 'wasm-unsafe-eval'"]));
    expect(conf).toMatch(/location \/kb\/search\/ \{\s*set \$gazette_script_src "'self' 'wasm-unsafe-eval'";/);
  });
});
