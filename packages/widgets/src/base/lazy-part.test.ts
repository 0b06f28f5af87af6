import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LazyPart } from './lazy-part.js';

/** A host that counts the renders asked of it. */
function host(): ReactiveControllerHost & { updates: number; settled: Promise<void> } {
  let tell = () => {};
  const counted = {
    updates: 0,
    settled: new Promise<void>((resolve) => (tell = resolve)),
    addController: (_controller: ReactiveController) => undefined,
    removeController: (_controller: ReactiveController) => undefined,
    requestUpdate: () => {
      counted.updates += 1;
      tell();
      counted.settled = new Promise<void>((resolve) => (tell = resolve));
    },
    updateComplete: Promise.resolve(true),
  };
  return counted;
}

describe('LazyPart', () => {
  it('loads once, when first asked for, and renders the host again when it has', async () => {
    const element = host();
    let loads = 0;
    const part = new LazyPart(element, async () => ({ loads: ++loads }));
    expect(part.loaded, 'nothing loads before it is asked for').to.equal(undefined);
    expect(loads).to.equal(0);
    const settled = element.settled;
    expect(part.value).to.equal(undefined);
    expect(part.value, 'asked again while loading').to.equal(undefined);
    await settled;
    expect(part.value).to.deep.equal({ loads: 1 });
    expect(loads).to.equal(1);
    expect(element.updates).to.equal(1);
  });

  it('says so when its code could not be fetched, and loads it on retry', async () => {
    const element = host();
    let online = false;
    const part = new LazyPart(element, async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return 'detail';
    });
    let settled = element.settled;
    expect(part.value).to.equal(undefined);
    await settled;
    expect(part.failed).to.equal(true);
    expect(part.value, 'no new attempt on every render').to.equal(undefined);
    online = true;
    settled = element.settled;
    part.retry();
    await settled;
    expect(part.failed).to.equal(false);
    expect(part.value).to.equal('detail');
  });
});
