/**
 * The citizen's applications on the fake server, as `<mfc-application-tracker>` reads them:
 * the list with filters and cursor pages, an application with its history, withdrawal and
 * the answer to a request for information. The applications are made from options, so a
 * story stages one of each status, ten thousand of them, or a long history. A story without
 * the `tracker` option gets the drafts of `fake-applications.ts` from the list and detail.
 */
import type { Application, ApplicationStatus, ApplicationSummary, ApplicationTransition, RequestedInfo } from '@mfc-cabinet/core';
import { ok, problem, type FakeCabinetApi, type FakeRequest, type Handler, type Reply } from './fake-api.js';
import { applicationsHandlers } from './fake-applications.js';

/** The list and detail are shared with `fake-applications.ts`; these two are the tracker's own. */
export type TrackerEndpoint = 'POST applications/:id/withdraw' | 'POST applications/:id/answer';

export const trackerEndpoints: readonly TrackerEndpoint[] = ['POST applications/:id/withdraw', 'POST applications/:id/answer'];

/** Every endpoint of applications needs a session. */
export const trackerSessionNeeds: Record<TrackerEndpoint, 'use'> = Object.fromEntries(trackerEndpoints.map((endpoint) => [endpoint, 'use'])) as Record<
  TrackerEndpoint,
  'use'
>;

export interface FakeTrackerOptions {
  /** How many applications the citizen has. @default 9, one of each status */
  count?: number;
  /** Their statuses, repeated down the list (the newest first). @default every status */
  statuses?: ApplicationStatus[];
  /** Each application went back and forth between review and requests this many times. @default 0 */
  requestRounds?: number;
  /** What a `needs_info` application asks for. @default the `lastName` field */
  requested?: RequestedInfo;
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
    values: { lastName: 'Иванов' },
    documents: [],
    requested: status === 'needs_info' ? (options.requested ?? { documents: [], fields: ['lastName'] }) : null,
    history,
  };
}

const trackers = new WeakMap<FakeCabinetApi, FakeTracker>();

/** The applications of a fake server, made from its `tracker` option on first use. */
export function trackerOf(api: FakeCabinetApi): FakeTracker {
  let tracker = trackers.get(api);
  if (!tracker) {
    tracker = new FakeTracker(api.options.tracker ?? {});
    trackers.set(api, tracker);
  }
  return tracker;
}

function summaryOf({ formVersion: _f, values: _v, documents: _d, requested: _r, history: _h, ...summary }: Application): ApplicationSummary {
  return summary;
}

/** `problem()` is called when answering: this module and fake-api.ts import each other. */
function answer(handler: Handler, request: FakeRequest, api: FakeCabinetApi): Reply {
  return typeof handler === 'function' ? handler(request, api) : handler;
}

function found(request: FakeRequest, api: FakeCabinetApi, then: (application: Application, tracker: FakeTracker) => Reply): Reply {
  const tracker = trackerOf(api);
  const application = tracker.find(request.params['id']);
  return application ? then(application, tracker) : answer(problem(404, 'not_found'), request, api);
}

/** The tracker's applications when the story has the `tracker` option, else the form's drafts. */
function withTracker(mine: Handler, theirs: Handler): Handler {
  return (request, api) => answer(api.options.tracker ? mine : theirs, request, api);
}

/** How the fake server answers the tracker's requests. */
export const trackerHandlers: Record<TrackerEndpoint | 'GET applications' | 'GET applications/:id', Handler> = {
  'GET applications': withTracker(({ query }, api) => {
    const status = query.get('status');
    const serviceId = query.get('serviceId');
    const from = query.get('from');
    const to = query.get('to');
    const q = query.get('q')?.toUpperCase();
    const matching = trackerOf(api).applications.filter(
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
  }, applicationsHandlers['GET applications']),

  'GET applications/:id': withTracker((request, api) => found(request, api, (application) => ok(application)), applicationsHandlers['GET applications/:id']),

  'POST applications/:id/withdraw': (request, api) =>
    found(request, api, (application, tracker) =>
      withdrawable.includes(application.status)
        ? ok(tracker.move(application, 'withdrawn', { actor: 'citizen', officerName: null, comment: null }))
        : answer(problem(409, 'conflict'), request, api),
    ),

  'POST applications/:id/answer': (request, api) =>
    found(request, api, (application, tracker) => {
      if (application.status !== 'needs_info') return answer(problem(409, 'conflict'), request, api);
      const values = (request.body?.['values'] ?? {}) as Application['values'];
      return ok(tracker.move(application, 'in_review', { actor: 'citizen', officerName: null, comment: null }, { values: { ...application.values, ...values } }));
    }),
};
