/**
 * `test` with the local identity services started once per worker, on the ports the config gave
 * the app server: the two OpenID providers and the SMTP server whose mail the journeys read.
 */
import { test as base } from '@playwright/test';
import {
  startTestOidcProvider,
  startTestSmtpServer,
  type TestOidcProvider,
  type TestSmtpServer,
} from '@lip/core/test-servers';
import { COUNCIL_IDP, NHS_GROUPS, NHS_IDP, smtpPort } from './identity.ts';

export interface IdentityServices {
  council: TestOidcProvider;
  nhs: TestOidcProvider;
  smtp: TestSmtpServer;
}

const callback = (baseURL: string, id: string) => `${baseURL}/auth/oidc/${id}/callback`;

export const test = base.extend<object, { identity: IdentityServices }>({
  identity: [
    // Playwright reads the fixtures a fixture needs from this pattern: it needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const baseURL = String(workerInfo.project.use.baseURL);
      const council = await startTestOidcProvider({
        title: COUNCIL_IDP.displayName,
        port: Number(process.env[COUNCIL_IDP.portVariable]),
        clientId: COUNCIL_IDP.clientId,
        clientSecret: COUNCIL_IDP.clientSecret,
        redirectUris: [callback(baseURL, COUNCIL_IDP.id)],
        users: [{ email: 'viewer@northshire.example', name: 'Sam Patel' }],
      });
      const nhs = await startTestOidcProvider({
        title: NHS_IDP.displayName,
        port: Number(process.env[NHS_IDP.portVariable]),
        clientId: NHS_IDP.clientId,
        clientSecret: NHS_IDP.clientSecret,
        redirectUris: [callback(baseURL, NHS_IDP.id)],
        users: [
          {
            email: 'icb@northshire.example',
            name: 'Priya Shah',
            emailVerified: true,
            groups: [NHS_GROUPS.healthEditors, NHS_GROUPS.signatories],
          },
          { email: 'nobody@northshire.example', emailVerified: true },
        ],
      });
      const smtp = await startTestSmtpServer({ port: smtpPort() });
      await use({ council, nhs, smtp });
      await Promise.all([council.close(), nhs.close(), smtp.close()]);
    },
    { scope: 'worker', auto: true },
  ],
});

export { expect } from '@playwright/test';
