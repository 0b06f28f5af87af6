import type { Application, Service } from '@mfc-cabinet/core';
import type { TemplateResult } from 'lit';
import { ExtensionPoint, type Contribution } from '../base/extension-point.js';

/** What a step after submission is told: the application just sent and its service. */
export interface AfterSubmitContext {
  application: Application;
  service: Service;
}

/** A step offered in the confirmation once an application is sent (a fee to pay, a visit to book). */
export interface AfterSubmitStep extends Contribution {
  /** Whether the step fits this application. */
  applies(context: AfterSubmitContext): boolean;
  render(context: AfterSubmitContext): TemplateResult;
}

/**
 * The steps `<mfc-application-form>` shows in its confirmation after the application is
 * sent (not while it is queued offline), in `order`. Features add theirs from their
 * registration module; a form already showing its confirmation re-renders.
 *
 * @example
 * ```ts
 * afterSubmitSteps.add({ id: 'pay-fee', order: 10, applies: ({ service }) => service.fee > 0, render: ({ application }) => html`…` });
 * ```
 */
export const afterSubmitSteps = new ExtensionPoint<AfterSubmitStep>();
