/**
 * The components editors may use in any MDX document without importing
 * them: every `.astro` file in this folder, under its file name
 * (`Indicator.astro` → `<Indicator>`). The document layout hands these to
 * each document; a tag that is not here fails the build.
 */
const modules = import.meta.glob<{ default: unknown }>('./*.astro', { eager: true });

export const userComponents: Record<string, unknown> = Object.fromEntries(
  Object.entries(modules).map(([file, module]) => [file.replace(/^\.\/|\.astro$/g, ''), module.default]),
);
