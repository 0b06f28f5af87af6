import { css, html, nothing } from 'lit';
import { ExtensionPoint, renderOnChange, type Contribution } from '../base/extension-point.js';
import { MfcElement } from '../base/mfc-element.js';

/** An item of a site's header, e.g. the notification bell. */
export interface HeaderItemContribution extends Contribution {
  /** Loads the elements the item renders; called when it is first shown. */
  load?(): Promise<unknown>;
  /** The item; `header.apiBase` and `header.locale` are what the site set on `<mfc-header-items>`. */
  render(header: MfcHeaderItems): unknown;
}

/** The items of a site's header, by `order`; the features list contributes them. */
export const headerItems = new ExtensionPoint<HeaderItemContribution>();

/**
 * The place in a site's header for what features contribute to {@link headerItems} (the
 * notification bell, …), in a row, by `order`; empty while none is contributed. Its
 * `api-base` and `locale` are handed to the items; inside `<mfc-cabinet>` they are not
 * needed. `mfc-cabinet.js` defines it when it appears in the page.
 *
 * @summary The items features add to a site's header.
 * @tagname mfc-header-items
 * @csspart item - The box of one item.
 *
 * @example
 * ```html
 * <header>
 *   <a href="/">Администрация города</a>
 *   <mfc-header-items api-base="/api/v1"></mfc-header-items>
 * </header>
 * ```
 */
export class MfcHeaderItems extends MfcElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: var(--mfc-space, 0.5rem);
    }
    :host([hidden]) {
      display: none;
    }
  `;

  constructor() {
    super();
    renderOnChange(this, headerItems);
  }

  protected override render() {
    const items = headerItems.list();
    if (items.length === 0) return nothing;
    for (const item of items) void item.load?.();
    return items.map((item) => html`<span part="item" data-item=${item.id}>${item.render(this)}</span>`);
  }
}
