import { createCabinetClient, type CabinetClient, type Service } from '@mfc-cabinet/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createAccount, switchableNetwork, waitFor } from '../../../../test-support/cabinet-api.js';
import { completeValues } from '../../../../test-support/form-values.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';
import '../mfc-cabinet.js';
import '../mfc-application-form.js';
import { afterSubmitSteps } from './after-submit-steps.js';
import type { MfcApplicationForm } from './application-form.js';
import type { MfcApplicationSubmitDetail } from './application-submit-event.js';

const clients: CabinetClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
});

async function signedIn(level: 'simplified' | 'standard' | 'confirmed' = 'standard', fetch?: typeof globalThis.fetch): Promise<CabinetClient> {
  const account = await createAccount({ secondFactor: null, level });
  const client = createCabinetClient({ baseUrl: '/api/v1', ...(fetch ? { fetch } : {}) });
  clients.push(client);
  await client.auth.login({ identifier: account.phone, password: account.password });
  return client;
}

const root = (element: MfcApplicationForm) => element.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(element: MfcApplicationForm, selector: string) => root(element).querySelector<T>(selector);
const input = (element: MfcApplicationForm, id: string) => $<HTMLInputElement>(element, `#field-${id}`)!;
const focused = (element: MfcApplicationForm) => root(element).activeElement;

async function mount(client: CabinetClient, serviceId: string): Promise<MfcApplicationForm> {
  const element = await fixture<MfcApplicationForm>(html`<mfc-application-form .client=${client} service-id=${serviceId}></mfc-application-form>`);
  await waitFor(() => Boolean($(element, '#step-heading') || $(element, '[part~="level-notice"]')), 8000, 'the form');
  await element.updateComplete;
  return element;
}

/** Types into a field from the keyboard, replacing what it holds. */
async function typeInto(element: MfcApplicationForm, id: string, value: string): Promise<void> {
  const field = input(element, id);
  field.focus();
  field.select();
  await sendKeys({ type: value });
  await element.updateComplete;
}

async function saved(element: MfcApplicationForm): Promise<void> {
  await waitFor(() => text($(element, '#save-status')) === 'Черновик сохранён', 8000, 'the draft saved');
}

const stepHeading = (element: MfcApplicationForm) => text($(element, '#step-heading'));

async function onStep(element: MfcApplicationForm, title: string): Promise<void> {
  await waitFor(() => stepHeading(element) === title, 5000, `step «${title}»`);
  await element.updateComplete;
}

describe('<mfc-application-form> against the real server', () => {
  it('walks a service’s form step by step with the keyboard, in Russian, and submits it', async () => {
    const client = await signedIn();
    const element = await mount(client, 'tax-debt-certificate');
    expect(text($(element, '[part~="heading"]'))).to.equal('Справка об отсутствии задолженности по налогам');
    expect(text($(element, '#progress'))).to.equal('Шаг 1 из 4');
    expect($(element, '[part~="step"][aria-current="step"]')?.textContent).to.contain('Заявитель');
    expect(input(element, 'snils').getAttribute('inputmode')).to.equal('numeric');
    expect(input(element, 'phone').type).to.equal('tel');
    expect(input(element, 'birthDate').getAttribute('autocomplete')).to.equal('bday');
    expect(input(element, 'snils').getAttribute('aria-describedby')).to.equal('field-snils-hint');
    await expect(element).to.be.accessible();

    // What the profile knows is shown at once, marked so, before any draft is made.
    expect(input(element, 'firstName').value, 'filled in on open').to.equal('Тест');
    expect(text($(element, '#field-firstName-hint'))).to.contain('Из профиля.');
    expect(text($(element, '#save-status')), 'nothing saved until the citizen starts').not.to.equal('Черновик сохранён');
    // Typing makes the draft, which the server fills in from the profile too.
    await typeInto(element, 'lastName', 'Петрова');
    expect(text($(element, '#field-lastName-hint')), 'a changed value is the citizen’s').not.to.contain('Из профиля.');
    await saved(element);
    expect(input(element, 'lastName').value, 'what the citizen typed wins').to.equal('Петрова');
    expect(input(element, 'firstName').value).to.equal('Тест');

    await typeInto(element, 'snils', '112-233-445 96');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(text($(element, '#field-snils-error'))).to.equal('СНИЛС указан с ошибкой: проверьте цифры');
    expect(input(element, 'snils').getAttribute('aria-invalid')).to.equal('true');
    expect(input(element, 'snils').getAttribute('aria-describedby')).to.equal('field-snils-hint field-snils-error');
    await expect(element).to.be.accessible();
    await typeInto(element, 'snils', '112-233-445 95');
    expect($(element, '#field-snils-error')).to.equal(null);

    await sendKeys({ press: 'Enter' });
    await onStep(element, 'Дата');
    expect(text($(element, '#progress'))).to.equal('Шаг 2 из 4');
    expect(focused(element)?.id, 'focus on the step heading').to.equal('step-heading');

    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.id).to.equal('field-asOf');
    await sendKeys({ type: '31.02.2024' });
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(focused(element)?.id, 'focus on the error summary').to.equal('error-summary');
    expect(text($(element, '#error-summary'))).to.contain('Укажите существующую дату в формате ДД.ММ.ГГГГ');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(focused(element)?.id, 'the summary’s link leads to the field').to.equal('field-asOf');
    await typeInto(element, 'asOf', '01.03.2024');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(input(element, 'asOf').value, 'the date stays as the citizen typed it').to.equal('01.03.2024');
    input(element, 'asOf').focus();
    await sendKeys({ press: 'Enter' });

    await onStep(element, 'Получение результата');
    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.id).to.equal('field-resultMethod');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.id).to.equal('field-accuracy');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.id).to.equal('next');
    await sendKeys({ press: 'Enter' });

    await onStep(element, 'Проверка');
    expect(text($(element, '#progress'))).to.equal('Шаг 4 из 4');
    const review = text($(element, '[part~="review"]'));
    expect(review).to.contain('Петрова').and.contain('112-233-445 95').and.contain('01.03.2024').and.contain('В личном кабинете');
    const changeLinks = root(element).querySelectorAll('[part~="change-link"]');
    expect(changeLinks.length).to.equal(11);
    expect(text(changeLinks[0] as HTMLElement)).to.equal('Изменить: Фамилия');
    await expect(element).to.be.accessible();

    // «Изменить» leads to the field, and back to the review.
    (changeLinks[0] as HTMLElement).focus();
    await sendKeys({ press: 'Enter' });
    await onStep(element, 'Заявитель');
    expect(focused(element)?.id).to.equal('field-lastName');
    await sendKeys({ press: 'Enter' });
    await onStep(element, 'Проверка');

    $(element, '#next')!.focus();
    const submitted = oneEvent(element, 'mfc-application-submit');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await submitted) as CustomEvent<MfcApplicationSubmitDetail>;
    expect(detail.queued).to.equal(false);
    expect(detail.application.status).to.equal('submitted');
    expect(detail.application.trackingNumber).to.match(/^MFC-\d{4}-\d+$/);
    expect(detail.application.values.asOf, 'the date is sent as ISO').to.equal('2024-03-01');
    await element.updateComplete;
    expect(text($(element, '[part~="tracking-number"]'))).to.equal(detail.application.trackingNumber);
    expect(text($(element, '[part~="confirmation"]'))).to.contain('Что дальше').and.contain('Ожидаемый срок результата');
    expect(focused(element)?.id).to.equal('confirmation-heading');
    await expect(element).to.be.accessible();
  });

  it('standalone, shows the focus ring on «Заявление отправлено» after a submit from the keyboard', async () => {
    const client = await signedIn();
    const service = await client.catalog.get('tax-debt-certificate');
    const draft = await client.applications.create(service.id);
    await client.applications.saveDraft(draft.id, completeValues(service.form));
    const element = await fixture<MfcApplicationForm>(
      html`<mfc-application-form .client=${client} service-id=${service.id} application-id=${draft.id}></mfc-application-form>`,
    );
    await waitFor(() => text($(element, '#next')) === 'Отправить заявление', 8000, 'the review');
    $(element, '#next')!.focus();
    const submitted = oneEvent(element, 'mfc-application-submit');
    await sendKeys({ press: 'Enter' });
    await submitted;
    await element.updateComplete;
    const heading = $(element, '#confirmation-heading')!;
    expect(text(heading)).to.equal('Заявление отправлено');
    expect(focused(element), 'focus on the heading').to.equal(heading);
    const style = getComputedStyle(heading);
    expect(heading.matches(':focus-visible'), 'reached by the keyboard').to.equal(true);
    expect(style.outlineStyle, 'the ring').to.equal('solid');
    expect(style.outlineWidth).to.equal('3px');
  });

  it('says in Russian what is wrong with an ИНН', async () => {
    const client = await signedIn();
    const element = await mount(client, 'self-employed-registration');
    await typeInto(element, 'inn', '500100732258');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(text($(element, '#field-inn-error'))).to.equal('ИНН указан с ошибкой: 12 цифр, проверьте их');
  });

  it('says in English what is wrong, when the form is in English', async () => {
    const account = await createAccount({ secondFactor: null, level: 'standard' });
    const client = createCabinetClient({ baseUrl: '/api/v1', locale: 'en' });
    clients.push(client);
    await client.auth.login({ identifier: account.phone, password: account.password });
    const element = await fixture<MfcApplicationForm>(
      html`<mfc-application-form .client=${client} locale="en" service-id="self-employed-registration"></mfc-application-form>`,
    );
    await waitFor(() => Boolean($(element, '#step-heading')), 8000, 'the form');
    await typeInto(element, 'inn', '500100732258');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(text($(element, '#field-inn-error'))).to.equal('The INN has a mistake: check its 12 digits');

    const other = await fixture<MfcApplicationForm>(
      html`<mfc-application-form .client=${client} locale="en" service-id="utility-debt-certificate"></mfc-application-form>`,
    );
    await waitFor(() => Boolean($(other, '#step-heading')), 8000, 'the form');
    $<HTMLButtonElement>(other, '#next')!.click();
    await waitFor(() => text($(other, '#progress')).startsWith('Step 2'), 8000, 'the second step');
    $<HTMLButtonElement>(other, '#next')!.click();
    await waitFor(() => Boolean($(other, '#error-summary')), 8000, 'the summary');
    const messages = [...root(other).querySelectorAll('#error-summary a')].map((link) => text(link));
    expect(messages).to.have.length(2);
    for (const message of messages) expect(message).to.match(/^Enter /);
  });

  it('continues the citizen’s draft after a remount, where it stopped', async () => {
    const client = await signedIn();
    const first = await mount(client, 'tax-debt-certificate');
    expect(first.hasUnsavedChanges).to.equal(false);
    await typeInto(first, 'lastName', 'Сохранённая');
    expect(first.hasUnsavedChanges, 'leaving now warns').to.equal(true);
    await saved(first);
    expect(first.hasUnsavedChanges).to.equal(false);
    first.remove();

    const second = await mount(client, 'tax-debt-certificate');
    // The applicant's step is complete (typed and filled from the profile): the draft goes on at the next.
    await onStep(second, 'Дата');
    expect(text($(second, '#save-status'))).to.equal('Черновик сохранён');
    $<HTMLButtonElement>(second, '#previous')!.click();
    await onStep(second, 'Заявитель');
    expect(input(second, 'lastName').value).to.equal('Сохранённая');
    expect(text($(second, '.lead'))).to.match(/^Вы продолжаете черновик от/);
  });

  it('queues the submission offline and says it will be sent when the connection returns', async () => {
    const { network, fetch } = switchableNetwork();
    const client = await signedIn('standard', fetch);
    const element = await mount(client, 'pension-amount-certificate');
    await typeInto(element, 'lastName', 'Офлайнова');
    await waitFor(() => input(element, 'snils').value !== '', 8000, 'the autofill');
    await saved(element);
    $<HTMLButtonElement>(element, '#next')!.click();
    await onStep(element, 'Получение результата');
    const method = input(element, 'resultMethod') as unknown as HTMLSelectElement;
    method.value = 'cabinet';
    method.dispatchEvent(new Event('change'));
    input(element, 'accuracy').click();
    await element.updateComplete;

    network.offline = true;
    $<HTMLButtonElement>(element, '#next')!.click();
    await onStep(element, 'Проверка');
    const submitted = oneEvent(element, 'mfc-application-submit');
    $<HTMLButtonElement>(element, '#next')!.click();
    const { detail } = (await submitted) as CustomEvent<MfcApplicationSubmitDetail>;
    expect(detail.queued).to.equal(true);
    await element.updateComplete;
    expect(text($(element, '[part~="confirmation"]'))).to.contain('Заявление будет отправлено, когда появится связь');
    await expect(element).to.be.accessible();

    // Back online, the queued submission goes out; the confirmation follows it to its number.
    network.offline = false;
    await client.applications.flush();
    await waitFor(() => /^MFC-\d{4}-\d+$/.test(text($(element, '[part~="tracking-number"]'))), 8000, 'the tracking number');
    expect(text($(element, '[part~="confirmation"]'))).to.contain('Что дальше');
  });

  it('offers the steps features contribute once the application is sent, in their order', async () => {
    const removers = [
      afterSubmitSteps.add({
        id: 'test-book-visit',
        order: 20,
        applies: ({ service }) => service.id === 'pension-amount-certificate',
        render: ({ application }) => html`<p class="contributed">Book a visit for ${application.trackingNumber}</p>`,
      }),
      afterSubmitSteps.add({ id: 'test-not-this-service', applies: () => false, render: () => html`<p class="contributed">never</p>` }),
    ];
    try {
      const client = await signedIn();
      const element = await mount(client, 'pension-amount-certificate');
      await typeInto(element, 'lastName', 'Шагова');
      await waitFor(() => input(element, 'snils').value !== '', 8000, 'the autofill');
      $<HTMLButtonElement>(element, '#next')!.click();
      await onStep(element, 'Получение результата');
      const method = input(element, 'resultMethod') as unknown as HTMLSelectElement;
      method.value = 'cabinet';
      method.dispatchEvent(new Event('change'));
      input(element, 'accuracy').click();
      await element.updateComplete;
      $<HTMLButtonElement>(element, '#next')!.click();
      await onStep(element, 'Проверка');
      expect(root(element).querySelector('.contributed'), 'not before the submission').to.equal(null);

      const submitted = oneEvent(element, 'mfc-application-submit');
      $<HTMLButtonElement>(element, '#next')!.click();
      const { detail } = (await submitted) as CustomEvent<MfcApplicationSubmitDetail>;
      expect(detail.queued).to.equal(false);
      await element.updateComplete;
      const steps = () => [...root(element).querySelectorAll('[part~="confirmation"] [part~="after-submit-step"]')];
      expect(steps().map((step) => step.getAttribute('data-step'))).to.deep.equal(['test-book-visit']);
      expect(text(steps()[0])).to.equal(`Book a visit for ${detail.application.trackingNumber}`);

      // A feature that loads later still shows its step, before the ones of higher order.
      removers.push(
        afterSubmitSteps.add({ id: 'test-pay-fee', order: 10, applies: () => true, render: () => html`<p class="contributed">Pay the fee</p>` }),
      );
      await element.updateComplete;
      expect(steps().map((step) => step.getAttribute('data-step'))).to.deep.equal(['test-pay-fee', 'test-book-visit']);
      await expect(element).to.be.accessible();
    } finally {
      for (const remove of removers) remove();
    }
  });

  it('says before anything is filled that the account level is too low, and how to raise it', async () => {
    const client = await signedIn('simplified');
    const element = await mount(client, 'tax-debt-certificate');
    const notice = text($(element, '[part~="level-notice"]'));
    expect(notice).to.contain('нужна учётная запись: стандартная или подтверждённая').and.contain('упрощённая');
    expect(notice).to.contain('Укажите в профиле паспорт и СНИЛС');
    expect($(element, 'form')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('inside the cabinet, offers the way to the profile when the account level is too low', async () => {
    const address = location.href;
    const client = await signedIn('simplified');
    const cabinet = await fixture<MfcCabinet>(
      html`<mfc-cabinet routing="query" .client=${client}><mfc-application-form service-id="tax-debt-certificate"></mfc-application-form></mfc-cabinet>`,
    );
    const element = cabinet.querySelector<MfcApplicationForm>('mfc-application-form')!;
    try {
      await waitFor(() => $(element, '[part~="profile-link"]') !== null, 8000, 'the link to the profile');
      const link = $<HTMLAnchorElement>(element, '[part~="profile-link"]')!;
      expect(text(link)).to.equal('Повысить уровень учётной записи');
      expect(link.getAttribute('part')).to.include('primary-button');
      expect(new URL(link.href).searchParams.get('mfc')).to.equal('profile');
      expect(text($(element, '[part~="level-notice"]'))).to.contain('Укажите в профиле паспорт и СНИЛС');
      expect($(element, 'form')).to.equal(null);
      await expect(element).to.be.accessible();
      link.click();
      await waitFor(() => cabinet.route.view === 'profile', 5000, 'the profile');
    } finally {
      history.replaceState(null, '', address);
    }
  });

  it('explains the level the same way when the server refuses the submission for it', async () => {
    // The session the page first read says «подтверждённая»; the server knows the account is «стандартная».
    let told = false;
    const client = await signedIn('standard', async (input, init) => {
      const response = await fetch(input, init);
      if (told || new URL(input instanceof Request ? input.url : String(input), location.href).pathname !== '/api/v1/auth/session') return response;
      const body = (await response.json()) as { session: { user: { level: string } } | null };
      if (body.session) {
        told = true;
        body.session.user.level = 'confirmed';
      }
      return new Response(JSON.stringify(body), { status: response.status, headers: { 'content-type': 'application/json' } });
    });
    let service: Service | undefined;
    for (const summary of (await client.catalog.list({ availability: 'available' }, { limit: 100 })).items) {
      if (summary.requiredLevel !== 'confirmed') continue;
      const candidate = await client.catalog.get(summary.id);
      if (!candidate.form.steps.some((step) => step.fields.some((field) => field.type === 'documents' && field.required))) service = candidate;
      if (service) break;
    }
    expect(service, 'a service for confirmed accounts without documents').to.not.equal(undefined);
    const draft = await client.applications.create(service!.id);
    await client.applications.saveDraft(draft.id, completeValues(service!.form));
    const element = await fixture<MfcApplicationForm>(
      html`<mfc-application-form .client=${client} service-id=${service!.id} application-id=${draft.id}></mfc-application-form>`,
    );
    await waitFor(() => text($(element, '#next')) === 'Отправить заявление', 8000, 'the review');
    const refused = oneEvent(element, 'mfc-error');
    $<HTMLButtonElement>(element, '#next')!.click();
    expect((await refused).detail.error.code).to.equal('forbidden');
    await waitFor(() => text($(element, '[part~="level-notice"]')).includes('Ваша учётная запись — стандартная'), 8000, 'the level notice');
    const notice = text($(element, '[part~="level-notice"]'));
    expect(notice).to.contain('нужна учётная запись: подтверждённая').and.contain('Подтвердите личность');
    expect($(element, 'form')).to.equal(null);
    expect(focused(element)?.id).to.equal('level-notice');
    await expect(element).to.be.accessible();
  });

  it('checks every field of a step on «Далее», with a summary linking to them', async () => {
    const client = await signedIn();
    const element = await mount(client, 'utility-debt-certificate');
    // The first «Далее» makes the draft, filled in from the profile, before the step is
    // checked: this account's profile fills the applicant's step, so the form goes on.
    $<HTMLButtonElement>(element, '#next')!.click();
    await onStep(element, 'Лицевой счёт');
    $<HTMLButtonElement>(element, '#next')!.click();
    await element.updateComplete;
    const links = [...root(element).querySelectorAll('#error-summary a')].map((link) => [link.getAttribute('href'), text(link)]);
    expect(links).to.deep.equal([
      ['#field-accountNumber', 'Укажите номер лицевого счёта'],
      ['#field-homeAddress', 'Укажите адрес квартиры'],
    ]);
    expect(focused(element)?.id).to.equal('error-summary');
  });
});
