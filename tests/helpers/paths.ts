/** Paths the tests share. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Small content folders that build tests compile. */
export const FIXTURE_SITES = path.join(REPO_ROOT, 'tests/fixtures/sites');
