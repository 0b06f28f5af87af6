/**
 * The citizen's applications on the fake server, as `<mfc-application-tracker>` reads them:
 * the list with filters and cursor pages, an application with its history, withdrawal and
 * the answer to a request for information. The applications are made from options, so a
 * story stages one of each status, ten thousand of them, or a long history. The list and the
 * detail are answered by `fake-applications.ts`, from these applications when the story has
 * the `tracker` option, else from its drafts.
 */
import type { Application, ApplicationStatus, ApplicationTransition, RequestedInfo } from '@mfc-cabinet/core';
import type { FieldError } from '@mfc-cabinet/core';
import { formFields } from '@mfc-cabinet/core/forms';
import { formOf } from './fake-applications.js';
import { documentsOf } from './fake-documents.js';
import { ok, type FakeCabinetApi, type FakeRequest, type Handler, type Reply } from './fake-api.js';
import { perServer, refuse, usingSession } from './fake-shared.js';

/** The list and the detail are answered by `fake-applications.ts`; these are the tracker's own. */
export type TrackerEndpoint = 'POST applications/:id/withdraw' | 'POST applications/:id/answer' | 'GET applications/:id/copy.pdf';

export const trackerEndpoints: readonly TrackerEndpoint[] = ['POST applications/:id/withdraw', 'POST applications/:id/answer', 'GET applications/:id/copy.pdf'];

/** Every endpoint of applications needs a session. */
export const trackerSessionNeeds = usingSession(trackerEndpoints);

export interface FakeTrackerOptions {
  /** How many applications the citizen has. @default 9, one of each status */
  count?: number;
  /** Their statuses, repeated down the list (the newest first). @default every status */
  statuses?: ApplicationStatus[];
  /** Each application went back and forth between review and requests this many times. @default 0 */
  requestRounds?: number;
  /** What a `needs_info` application asks for. @default the `lastName` field */
  requested?: RequestedInfo;
  /** The values of every application (with the ids of the vault's documents in documents fields). @default `{ lastName: 'Иванов' }` */
  values?: Application['values'];
}

const allStatuses: ApplicationStatus[] = ['draft', 'submitted', 'in_review', 'needs_info', 'approved', 'ready_for_issue', 'completed', 'rejected', 'withdrawn'];
const withdrawable: readonly ApplicationStatus[] = ['submitted', 'in_review', 'needs_info'];
/** The steps after submission that lead to each status. */
const paths: Record<ApplicationStatus, ApplicationStatus[]> = {
  draft: [],
  submitted: ['submitted'],
  in_review: ['submitted', 'in_review'],
  needs_info: ['submitted', 'in_review', 'needs_info'],
  approved: ['submitted', 'in_review', 'approved'],
  ready_for_issue: ['submitted', 'in_review', 'approved', 'ready_for_issue'],
  completed: ['submitted', 'in_review', 'approved', 'ready_for_issue', 'completed'],
  rejected: ['submitted', 'in_review', 'rejected'],
  withdrawn: ['submitted', 'withdrawn'],
};
const services = [
  { serviceId: 'income-certificate', serviceTitle: 'Справка о доходах и суммах налога' },
  { serviceId: 'kindergarten-zarechny', serviceTitle: 'Запись ребёнка в детский сад' },
  { serviceId: 'passport-14', serviceTitle: 'Паспорт гражданина РФ в 14 лет' },
  { serviceId: 'housing-subsidy', serviceTitle: 'Субсидия на оплату жилья и коммунальных услуг' },
];
const comments: Partial<Record<ApplicationStatus, string>> = {
  in_review: 'Принято в работу',
  needs_info: 'Приложите скан паспорта: на присланном не читается номер',
  approved: 'Документы проверены',
  ready_for_issue: 'Результат можно получить в МФЦ на ул. Ленина, 1, окно 3',
  rejected: 'Отказ: не представлены документы о доходах за последние 6 месяцев',
};
const officer = 'Смирнова Елена Викторовна';
/** A fixed «now», so that stories look the same on every run. */
const now = Date.UTC(2026, 2, 2, 9, 0);
const hour = 3_600_000;
const iso = (time: number) => new Date(time).toISOString();

/** The applications of one fake server. */
export class FakeTracker {
  readonly applications: Application[];

  constructor(options: FakeTrackerOptions) {
    const statuses = options.statuses ?? allStatuses;
    const count = options.count ?? statuses.length;
    this.applications = Array.from({ length: count }, (_, index) => made(index, statuses[index % statuses.length]!, options));
  }

  find(id: string | undefined): Application | undefined {
    return this.applications.find((application) => application.id === id);
  }

  /** Moves an application, as the server does, and puts it first (most recently changed). */
  move(application: Application, to: ApplicationStatus, step: Omit<ApplicationTransition, 'at' | 'from' | 'to'>, changes: Partial<Application> = {}): Application {
    const at = iso(Math.max(Date.now(), Date.parse(application.updatedAt) + 1000));
    const moved: Application = {
      ...application,
      ...changes,
      status: to,
      requested: null,
      updatedAt: at,
      history: [...application.history, { at, from: application.status, to, ...step }],
    };
    this.applications.splice(this.applications.indexOf(application), 1);
    this.applications.unshift(moved);
    return moved;
  }
}

function made(index: number, status: ApplicationStatus, options: FakeTrackerOptions): Application {
  const { serviceId, serviceTitle } = services[index % services.length]!;
  const created = now - (index + 1) * 5 * hour;
  const steps = paths[status];
  const rounds = status === 'draft' ? 0 : (options.requestRounds ?? 0);
  const route: ApplicationStatus[] = [];
  for (const [position, step] of steps.entries()) {
    route.push(step);
    if (step === 'in_review' && position < steps.length - 1) {
      for (let round = 0; round < rounds; round++) route.push('needs_info', 'in_review');
    }
  }
  if (status === 'in_review') for (let round = 0; round < rounds; round++) route.push('needs_info', 'in_review');
  let previous: ApplicationStatus = 'draft';
  const history = route.map((to, position): ApplicationTransition => {
    const byCitizen = to === 'submitted' || to === 'withdrawn' || (previous === 'needs_info' && to === 'in_review');
    const step: ApplicationTransition = {
      at: iso(created + (position + 1) * (hour / 4)),
      from: previous,
      to,
      actor: byCitizen ? 'citizen' : 'operator',
      officerName: byCitizen ? null : officer,
      comment: byCitizen ? null : (comments[to] ?? null),
    };
    previous = to;
    return step;
  });
  const submittedAt = history[0]?.at ?? null;
  return {
    id: `app-${String(index + 1).padStart(5, '0')}`,
    serviceId,
    serviceTitle,
    status,
    trackingNumber: status === 'draft' ? null : `MFC-2026-${String(index + 1).padStart(6, '0')}`,
    expectedCompletionDate: submittedAt ? iso(Date.parse(submittedAt) + 10 * 24 * hour).slice(0, 10) : null,
    createdAt: iso(created),
    updatedAt: history.at(-1)?.at ?? iso(created),
    submittedAt,
    formVersion: 1,
    values: options.values ?? { lastName: 'Иванов' },
    documents: Object.values(options.values ?? {}).flatMap((value) => (Array.isArray(value) ? value : [])),
    requested: status === 'needs_info' ? (options.requested ?? { documents: [], fields: ['lastName'] }) : null,
    history,
  };
}

/** The applications of a fake server, made from its `tracker` option on first use. */
export const trackerOf = perServer((api) => new FakeTracker(api.options.tracker ?? {}));

function found(request: FakeRequest, api: FakeCabinetApi, then: (application: Application, tracker: FakeTracker) => Reply): Reply {
  const tracker = trackerOf(api);
  const application = tracker.find(request.params['id']);
  return application ? then(application, tracker) : refuse(request, api, 404, 'not_found');
}

/**
 * What an answer to a request for information lacks, as the server checks it: values of
 * the requested fields only, each filled in anew; for each requested kind of document, a
 * document of that kind attached to the application since the request.
 */
function answerErrors(api: FakeCabinetApi, application: Application, values: Application['values']): FieldError[] {
  const requested = application.requested ?? { documents: [], fields: [] };
  const fields = new Map(formFields(formOf(api)).map((field) => [field.id, field]));
  const errors: FieldError[] = [];
  for (const field of Object.keys(values)) {
    if (!requested.fields.includes(field)) errors.push({ field, code: 'not_requested', message: 'Эти сведения по заявлению не запрашивали' });
  }
  if (errors.length > 0) return errors;
  for (const field of requested.fields) {
    const value = values[field];
    if (fields.get(field)?.type === 'documents') continue;
    if (value === undefined || value === '' || value === false) errors.push({ field, code: 'required', message: `Заполните: ${fields.get(field)?.label ?? field}` });
  }
  const requestedAt = application.history.findLast((step) => step.to === 'needs_info')?.at ?? '';
  const attached = documentsOf(api).documents.filter((document) => document.attachedTo.includes(application.id) && document.createdAt > requestedAt);
  const host = [...fields.values()].find((field) => field.type === 'documents')?.id ?? 'documents';
  for (const kind of requested.documents) {
    if (!attached.some((document) => document.kind === kind)) {
      errors.push({ field: host, code: 'required', message: `Приложите документ «${kind}»: его запросили по заявлению` });
    }
  }
  return errors;
}

/** How the fake server answers the tracker's own requests. */
export const trackerHandlers: Record<TrackerEndpoint, Handler> = {
  'POST applications/:id/withdraw': (request, api) =>
    found(request, api, (application, tracker) =>
      withdrawable.includes(application.status)
        ? ok(tracker.move(application, 'withdrawn', { actor: 'citizen', officerName: null, comment: null }))
        : refuse(request, api, 409, 'conflict'),
    ),

  // A PDF that is one (its first bytes), not the server's drawing: what the stories check is that the copy downloads.
  'GET applications/:id/copy.pdf': (request, api) =>
    found(request, api, (application) => ({
      kind: 'text',
      status: 200,
      contentType: 'application/pdf',
      body: `%PDF-1.7\n% Копия заявления ${application.trackingNumber ?? application.id}\n%%EOF\n`,
      headers: { 'content-disposition': `inline; filename="copy-${application.id}.pdf"` },
    })),

  'POST applications/:id/answer': (request, api) =>
    found(request, api, (application, tracker) => {
      if (application.status !== 'needs_info') return refuse(request, api, 409, 'conflict');
      const values = (request.body?.['values'] ?? {}) as Application['values'];
      const errors = answerErrors(api, application, values);
      if (errors.length > 0) return refuse(request, api, 400, 'validation_failed', { errors });
      return ok(tracker.move(application, 'in_review', { actor: 'citizen', officerName: null, comment: null }, { values: { ...application.values, ...values } }));
    }),
};
