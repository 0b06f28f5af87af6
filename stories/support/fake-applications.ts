/**
 * Applications of the fake Cabinet API (`fake-api.ts`): drafts made from a service's form
 * (filled in from the profile, as the server does), saved and checked with the validation
 * shared with the server, submitted once with a tracking number and an expected date. The
 * services of the fake catalog have a one-field form; the stories of the application form
 * serve a real one with {@link serviceWithForm} (`replies: { 'GET catalog/services/:id':
 * serviceWithForm() }`), and the drafts here follow the same form.
 *
 * @example
 * ```ts
 * const api = new FakeCabinetApi({ signedIn: true, applications: { drafts: [{ serviceId: 'no-debt-certificate', values: completeSample }] } });
 * ```
 */
import type { Application, ApplicationStatus, FormDefinition, FormValues } from '@mfc-cabinet/core';
import { documentFieldErrors } from '@mfc-cabinet/core/document-fields';
import { autofillValues, formFields, validateValues } from '@mfc-cabinet/core/forms';
import { catalogOf } from './fake-catalog.js';
import { documentsOf } from './fake-documents.js';
import type { FakeCabinetApi, FakeRequest, Handler, Reply } from './fake-api.js';
import { ok } from './fake-api.js';
import { perServer, refuse, summaryOf, usingSession } from './fake-shared.js';
import { trackerOf } from './fake-tracker.js';

export type ApplicationsEndpoint =
  | 'POST applications'
  | 'GET applications'
  | 'GET applications/:id'
  | 'PUT applications/:id/draft'
  | 'POST applications/:id/submit';

export const applicationsEndpoints: readonly ApplicationsEndpoint[] = [
  'POST applications',
  'GET applications',
  'GET applications/:id',
  'PUT applications/:id/draft',
  'POST applications/:id/submit',
];

/** Every endpoint of applications needs the citizen's session, and uses it. */
export const applicationsSessionNeeds = usingSession(applicationsEndpoints);

/** The `applications` option of the fake server. */
export interface FakeApplicationsOptions {
  /** The form of every service. @default {@link sampleForm} */
  form?: FormDefinition;
  /** The citizen's drafts when the story starts, oldest first. */
  drafts?: Array<{ serviceId: string; values: FormValues; createdMinutesAgo?: number }>;
}

const select = (id: string, label: string, options: Array<[string, string]>) =>
  ({ id, type: 'select', label, required: true, options: options.map(([value, text]) => ({ value, label: text })) }) as const;

/** A form like the reference server's «Справка об отсутствии задолженности»: the applicant, documents, how to get the result. */
export const sampleForm: FormDefinition = {
  version: 1,
  steps: [
    {
      id: 'applicant',
      title: 'Заявитель',
      fields: [
        { id: 'lastName', type: 'text', label: 'Фамилия', required: true, autofill: 'lastName', maxLength: 100 },
        { id: 'firstName', type: 'text', label: 'Имя', required: true, autofill: 'firstName', maxLength: 100 },
        { id: 'middleName', type: 'text', label: 'Отчество', hint: 'Если есть', required: false, autofill: 'middleName', maxLength: 100 },
        { id: 'birthDate', type: 'date', label: 'Дата рождения', required: true, autofill: 'birthDate' },
        { id: 'phone', type: 'phone', label: 'Мобильный телефон', required: true, autofill: 'phone' },
        { id: 'snils', type: 'snils', label: 'СНИЛС', required: true, autofill: 'snils' },
        { id: 'inn', type: 'inn', label: 'ИНН', required: false, autofill: 'inn' },
      ],
    },
    {
      id: 'documents',
      title: 'Документы',
      fields: [
        {
          id: 'documents',
          type: 'documents',
          label: 'Сканы или фотографии документов',
          hint: 'PDF, JPG или PNG, до 5 МБ каждый',
          required: true,
          documentKinds: ['Паспорт'],
        },
      ],
    },
    {
      id: 'result',
      title: 'Получение результата',
      fields: [
        select('resultMethod', 'Как получить результат', [
          ['cabinet', 'В личном кабинете'],
          ['office', 'В МФЦ'],
        ]),
        { id: 'comment', type: 'textarea', label: 'Комментарий', required: false, maxLength: 2000 },
        { id: 'accuracy', type: 'checkbox', label: 'Подтверждаю, что сведения в заявлении достоверны', required: true },
      ],
    },
  ],
};

/** Right values of every field of {@link sampleForm} (the documents: a sample of the fake vault). */
export const completeSample: FormValues = {
  lastName: 'Иванов',
  firstName: 'Иван',
  middleName: 'Иванович',
  birthDate: '1985-04-12',
  phone: '+79001234567',
  snils: '112-233-445 95',
  documents: ['doc-passport'],
  resultMethod: 'cabinet',
  accuracy: true,
};

/** `GET catalog/services/:id` answering the fake catalog's service with the form of the applications option. */
export function serviceWithForm(): Handler {
  return (request, api) => {
    const service = catalogOf(api).find(request.params['id']);
    return service ? ok({ ...service, form: formOf(api) }) : refuse(request, api, 404, 'not_found');
  };
}

/** The form of the fake services: the `applications` option's, else {@link sampleForm}. */
export const formOf = (api: FakeCabinetApi): FormDefinition => api.options.applications?.form ?? sampleForm;

/** The applications of one fake server. */
class FakeApplications {
  readonly items: Application[] = [];
  #ids = 0;
  #tracking = 122;

  constructor(api: FakeCabinetApi) {
    for (const draft of api.options.applications?.drafts ?? []) {
      const created = this.create(api, draft.serviceId, draft.values);
      created.createdAt = created.updatedAt = new Date(Date.now() - (draft.createdMinutesAgo ?? 90) * 60_000).toISOString();
    }
  }

  create(api: FakeCabinetApi, serviceId: string, values: FormValues): Application {
    const service = catalogOf(api).find(serviceId);
    const now = new Date().toISOString();
    const application: Application = {
      id: `application-${++this.#ids}`,
      serviceId,
      serviceTitle: service?.title ?? serviceId,
      status: 'draft',
      trackingNumber: null,
      expectedCompletionDate: null,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      formVersion: formOf(api).version,
      values,
      documents: [],
      requested: null,
      history: [],
    };
    this.items.unshift(application);
    return application;
  }

  submit(api: FakeCabinetApi, application: Application): void {
    const now = new Date();
    const expected = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    Object.assign(application, {
      status: 'submitted' satisfies ApplicationStatus,
      trackingNumber: `MFC-${now.getFullYear()}-${String(++this.#tracking).padStart(6, '0')}`,
      expectedCompletionDate: catalogOf(api).find(application.serviceId) ? expected : null,
      submittedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      history: [{ at: now.toISOString(), from: 'draft', to: 'submitted', actor: 'citizen', officerName: null, comment: null }],
    });
  }
}

const applicationsOf = perServer((api) => new FakeApplications(api));

/**
 * The applications the list and the detail show: the tracker's (`fake-tracker.ts`) when the
 * story has the `tracker` option, else the drafts made here.
 */
const shownIn = (api: FakeCabinetApi): Application[] => (api.options.tracker ? trackerOf(api).applications : applicationsOf(api).items);

function withApplication(request: FakeRequest, api: FakeCabinetApi, then: (application: Application) => Reply): Reply {
  const application = shownIn(api).find(({ id }) => id === request.params['id']);
  return application ? then(application) : refuse(request, api, 404, 'not_found');
}

const levels = ['simplified', 'standard', 'confirmed'];

/**
 * The errors of `values` as the server finds them: the form's validation, then the
 * documents fields against the fake vault (ids of its documents, each once, fitting the
 * field), in the form's order.
 */
function valuesErrors(api: FakeCabinetApi, values: FormValues, partial: boolean) {
  const form = formOf(api);
  const errors = validateValues(form, values, { partial });
  const vault = documentsOf(api);
  errors.push(...documentFieldErrors(form, values, (id) => vault.find(id), { skip: new Set(errors.map(({ field }) => field)) }));
  const order = new Map(formFields(form).map((field, index) => [field.id, index]));
  return errors.sort((a, b) => (order.get(a.field) ?? order.size) - (order.get(b.field) ?? order.size));
}

export const applicationsHandlers: Record<ApplicationsEndpoint, Handler> = {
  'POST applications': (request, api) => {
    const serviceId = String(request.body?.['serviceId'] ?? '');
    if (!catalogOf(api).find(serviceId)) return refuse(request, api, 404, 'not_found');
    return ok(applicationsOf(api).create(api, serviceId, autofillValues(formOf(api), api.profile)));
  },

  'GET applications': ({ query }, api) => {
    const status = query.get('status');
    const serviceId = query.get('serviceId');
    const from = query.get('from');
    const to = query.get('to');
    const q = query.get('q')?.toUpperCase();
    const matching = shownIn(api).filter(
      (application) =>
        (!status || application.status === status) &&
        (!serviceId || application.serviceId === serviceId) &&
        (!from || application.createdAt.slice(0, 10) >= from) &&
        (!to || application.createdAt.slice(0, 10) <= to) &&
        (!q || (application.trackingNumber ?? '').startsWith(q)),
    );
    const offset = Number(query.get('cursor') ?? 0);
    const limit = Number(query.get('limit') ?? 20);
    const items = matching.slice(offset, offset + limit).map(summaryOf);
    return ok({ items, nextCursor: offset + limit < matching.length ? String(offset + limit) : null, total: matching.length });
  },

  'GET applications/:id': (request, api) => withApplication(request, api, ok),

  'PUT applications/:id/draft': (request, api) =>
    withApplication(request, api, (application) => {
      if (application.status !== 'draft') return refuse(request, api, 409, 'conflict');
      const values = (request.body?.['values'] ?? {}) as FormValues;
      const errors = valuesErrors(api, values, true);
      if (errors.length > 0) return refuse(request, api, 400, 'validation_failed', { errors });
      Object.assign(application, { values, updatedAt: new Date().toISOString() });
      return ok(application);
    }),

  'POST applications/:id/submit': (request, api) =>
    withApplication(request, api, (application) => {
      if (application.status !== 'draft') return ok(application);
      const required = catalogOf(api).find(application.serviceId)?.requiredLevel ?? 'simplified';
      if (levels.indexOf(api.profile.level) < levels.indexOf(required)) {
        return refuse(request, api, 403, 'forbidden');
      }
      const errors = valuesErrors(api, application.values, false);
      if (errors.length > 0) return refuse(request, api, 400, 'validation_failed', { errors });
      applicationsOf(api).submit(api, application);
      return ok(application);
    }),
};
