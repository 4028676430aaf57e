import { getDocuments } from '../data/documents.ts';
import { documentFeed } from '../data/feed.ts';
import { ui } from '../translations/zh-CN.ts';

export async function GET() {
  return documentFeed(ui.newest, await getDocuments());
}
