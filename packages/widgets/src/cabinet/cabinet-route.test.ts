import { expect } from '@open-wc/testing';
import { addFeatureContributions } from '../features.js';
import { readRoute, writeRoute } from './cabinet-route.js';

// The views are the features' contributions.
addFeatureContributions();

const page = (href: string) => new URL(href, 'https://zarechny.example/');

describe('the cabinet route in the URL', () => {
  it('writes and reads the query, keeping the site’s own parameters and anchor', () => {
    const url = writeRoute('query', page('/services.html?utm=mail#contacts'), { view: 'apply', serviceId: 'passport-rf' });
    expect(url.search).to.equal('?utm=mail&mfc=apply%3Apassport-rf');
    expect(url.hash).to.equal('#contacts');
    expect(readRoute('query', url)).to.deep.equal({ view: 'apply', serviceId: 'passport-rf' });
    const home = writeRoute('query', url, { view: 'home' });
    expect(home.search).to.equal('?utm=mail');
    expect(readRoute('query', home)).to.deep.equal({ view: 'home' });
  });

  it('writes and reads the hash; a plain anchor gives way', () => {
    const url = writeRoute('hash', page('/#contacts'), { view: 'application', applicationId: '0193-ab:c' });
    expect(url.hash).to.equal('#mfc=application%3A0193-ab%3Ac');
    expect(readRoute('hash', url)).to.deep.equal({ view: 'application', applicationId: '0193-ab:c' });
    expect(writeRoute('hash', url, { view: 'home' }).hash).to.equal('');
  });

  it('reads anything else as home, and never touches the URL when off', () => {
    for (const href of ['/?mfc=', '/?mfc=apply', '/?mfc=unknown:1', '/?mfc=apply:']) expect(readRoute('query', page(href))).to.deep.equal({ view: 'home' });
    expect(readRoute('off', page('/?mfc=apply:x'))).to.deep.equal({ view: 'home' });
    expect(writeRoute('off', page('/a?b=1#c'), { view: 'apply', serviceId: 'x' }).href).to.equal(page('/a?b=1#c').href);
  });
});
