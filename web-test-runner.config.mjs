// Browser tests of packages/core and packages/widgets in Debian's Chromium, against the
// real Cabinet API server. The test pages reach the API through a proxy on their own
// origin, the way a municipal site proxies /api/v1, so the session cookie is first-party.
import { request } from 'node:http';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { startTestServer } from './scripts/test-server.mjs';

const api = await startTestServer();

/** Forwards /api/ and /dev/ to the API server, keeping the Host header as a reverse proxy does. */
function proxyToApi(ctx, next) {
  if (!ctx.url.startsWith('/api/') && !ctx.url.startsWith('/dev/')) return next();
  return new Promise((resolve, reject) => {
    const upstream = request(`${api.url}${ctx.url}`, { method: ctx.method, headers: ctx.req.headers }, (response) => {
      ctx.status = response.statusCode ?? 502;
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined && name !== 'transfer-encoding' && name !== 'connection') ctx.set(name, value);
      }
      ctx.body = response;
      resolve();
    });
    upstream.on('error', reject);
    ctx.req.pipe(upstream);
  });
}

export default {
  files: ['packages/*/src/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: some tests move the server's clock, which every session shares.
  concurrency: 1,
  // A bound for «this test is stuck» on a busy machine, not how long a test takes.
  testFramework: { config: { timeout: 60000 } },
  middleware: [proxyToApi],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'packages/widgets/tsconfig.json', target: 'es2022' }),
    { name: 'stop-api-server', serverStop: () => api.stop() },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    }),
  ],
};
