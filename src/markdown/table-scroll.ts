/**
 * Sätteri hast plugin: every table of a document goes into the box that
 * scrolls it sideways on a narrow screen (`.table-scroll` in global.css),
 * the same box the site's own tables have. The box takes keyboard focus, so
 * that a table without links can be scrolled with the arrow keys too.
 */
import { defineHastPlugin } from 'satteri';

export const tableScrollPlugin = defineHastPlugin({
  name: 'gazette-table-scroll',
  element: {
    filter: ['table'],
    visit(node, ctx) {
      ctx.wrapNode(node, { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0 }, children: [] });
    },
  },
});
