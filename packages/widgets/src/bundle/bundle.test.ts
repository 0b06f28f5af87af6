import { expect, fixture, html } from '@open-wc/testing';
import { patience, waitFor } from '../../../../test-support/cabinet-api.js';
import { defineElementsIn } from './mfc-cabinet.js';

describe('mfc-cabinet.js, the loader', () => {
  it('defines an element when its tag appears in the page', async () => {
    expect(customElements.get('mfc-security')).to.equal(undefined);
    await fixture(html`<div><mfc-security api-base="/api/v1"></mfc-security></div>`);
    await waitFor(() => customElements.get('mfc-security') !== undefined, patience, '<mfc-security> to be defined');
  });

  it('defines the elements of a shadow root it is told to watch, also those added later', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    defineElementsIn(root);
    expect(customElements.get('mfc-header-items')).to.equal(undefined);
    root.innerHTML = '<mfc-header-items api-base="/api/v1"></mfc-header-items>';
    await waitFor(() => customElements.get('mfc-header-items') !== undefined, patience, '<mfc-header-items> to be defined');
  });

  it('keeps room for an element whose code has not loaded yet, of the height its token says', () => {
    // Measured in one task: the loader's observer (a microtask later) no longer finds it.
    const measure = (style = '') => {
      const form = document.createElement('mfc-application-form');
      form.setAttribute('style', style);
      document.body.append(form);
      const height = form.getBoundingClientRect().height;
      form.remove();
      return height;
    };
    expect(customElements.get('mfc-application-form')).to.equal(undefined);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(measure()).to.equal(30 * rem);
    expect(measure('--mfc-application-form-reserved-size: 7rem')).to.equal(7 * rem);
  });
});
