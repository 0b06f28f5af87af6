/** The texts a citizen agrees to: the consent to the processing of personal data. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PersonalDataConsent } from '@mfc-cabinet/core/schemas';
import { personalDataConsent } from '../consent/personal-data-consent.js';
import { preferredLocale } from '../http/locale.js';
import { problemResponses } from '../http/openapi.js';

export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/consents/personal-data',
    {
      schema: {
        operationId: 'getPersonalDataConsent',
        tags: ['registration'],
        summary: 'The current consent to the processing of personal data (152-ФЗ)',
        description:
          'Registration must name its `version`. Russian by default; `Accept-Language: en` gives an English translation of the same version.',
        response: { 200: PersonalDataConsent, ...problemResponses('rate_limited') },
      },
    },
    (request, reply) => {
      const locale = preferredLocale(request.headers['accept-language']);
      reply.header('content-language', locale).header('vary', 'Accept-Language');
      return personalDataConsent(locale);
    },
  );
};
