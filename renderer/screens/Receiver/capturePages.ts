import type { DeliverySummary } from '../../../shared/domain';

/** Captured requests on screen, newest first, and where the log goes on below the last of them (null: nothing older). */
export type CapturePage = { items: DeliverySummary[]; cursor: string | null };

/**
 * The newest page, asked again after a capture arrived or changed, put on top of what is shown:
 * older pages the user opened stay below it. When the two no longer meet (more arrived than a page
 * holds), what was below is dropped rather than shown with a hole in it; the user can open it again.
 */
export function withNewest(shown: CapturePage | null, newest: CapturePage): CapturePage {
  if (!shown) return newest;
  const last = newest.items.at(-1);
  const meets = last ? shown.items.findIndex((item) => item.id === last.id) : -1;
  if (meets < 0) return newest;
  const below = shown.items.slice(meets + 1);
  return { items: [...newest.items, ...below], cursor: below.length > 0 ? shown.cursor : newest.cursor };
}

/** The next older page, added below what is shown. */
export function withOlder(shown: CapturePage, older: CapturePage): CapturePage {
  const known = new Set(shown.items.map((item) => item.id));
  return { items: [...shown.items, ...older.items.filter((item) => !known.has(item.id))], cursor: older.cursor };
}
