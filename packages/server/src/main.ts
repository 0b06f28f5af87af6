/**
 * Starts the server: reads the environment, builds the app, listens on HOST:PORT and
 * prints where everything is. JSON logs go to stderr, the banner to stdout. Stops
 * gracefully on SIGINT and SIGTERM.
 */
import { buildApp, version } from './app.js';
import { banner } from './banner.js';
import { ConfigError, loadConfig, type Config } from './config.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`The server cannot start.\n${error.message}\n`);
    process.exit(1);
  }
}

/** Builds the server; what the configuration names but cannot be read (the GeoIP files) stops the start with its message. */
async function build(config: Config) {
  try {
    return await buildApp(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`The server cannot start.\n${error.message}\n`);
    process.exit(1);
  }
}

const config = readConfig();
const server = await build(config);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
try {
  await server.app.listen({ host: config.host, port: config.port });
} catch (error) {
  process.stderr.write(`The server cannot listen on ${config.host}:${config.port}: ${(error as Error).message}\n`);
  await server.close();
  process.exit(1);
}
process.stdout.write(banner(config, version));
