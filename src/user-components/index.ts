/**
 * The components editors may use in any MDX document without importing
 * them: every `.astro` file in this folder, under its file name
 * (`Indicator.astro` → `<Indicator>`). The document layout hands these to
 * each document; a tag that is not here fails the build. `npm run check`
 * and the MDX compile know them from COMPONENT_ATTRIBUTES (attributes.ts);
 * tests/unit/editor-safety.test.ts keeps that table equal to this folder.
 */
const modules = import.meta.glob<{ default: unknown }>('./*.astro', { eager: true });

export const userComponents: Record<string, unknown> = Object.fromEntries(
  Object.entries(modules).map(([file, module]) => [file.replace(/^\.\/|\.astro$/g, ''), module.default]),
);
