/**
 * Moving through a list of items by keyboard — ↓ ↑ to the next and previous item, Home and
 * End to the first and last — also when the list is virtualized and the item is not
 * rendered yet. Items are buttons `.open[data-index]` inside `[part~="list"]`.
 */
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { VirtualList } from './virtual-list.js';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The index the key moves to in a list of `count` items, or `undefined` for another key. */
export function listKeyTarget(event: KeyboardEvent, count: number): number | undefined {
  const button = (event.target as HTMLElement).closest<HTMLElement>('.open');
  if (!button || count === 0) return undefined;
  const index = Number(button.dataset['index']);
  const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: count - 1 }[event.key];
  return target === undefined ? undefined : Math.max(0, Math.min(count - 1, target));
}

/** Focuses the item at `index`, scrolling it into the virtualizer's rendered range first. */
export async function focusListItem(root: ParentNode, index: number, virtual: VirtualList | undefined): Promise<void> {
  for (let frame = 0; frame < 60; frame++) {
    const button = root.querySelector<HTMLElement>(`.open[data-index="${index}"]`);
    if (button) {
      button.focus();
      return;
    }
    // Asked again now and then: a list that has just rendered or changed lays itself out first.
    const list = root.querySelector<VirtualizerHostElement>('[part~="list"]');
    if (list && frame % 10 === 0) {
      const box = list.getBoundingClientRect();
      try {
        // The virtualizer renders nothing while the whole list is out of sight.
        if (box.bottom < 0 || box.top > innerHeight) list.scrollIntoView({ block: 'nearest' });
        else if (virtual) list[virtual.virtualizerRef]?.element(index)?.scrollIntoView({ block: 'center' });
      } catch {
        // Not laid out yet.
      }
    }
    await nextFrame();
  }
}
