import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Redis } from 'ioredis';
import { parse } from 'yaml';
import { SETTINGS, validateSettings } from '@actionledger/settings';
import { startApiProcess } from '../support/api-process';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const DOCKER = join(ROOT, 'docker');

interface Service {
  build?: { context: string; dockerfile: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  profiles?: string[];
  deploy?: { replicas?: number };
}

const compose = parse(readFileSync(join(DOCKER, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const dockerfile = readFileSync(join(DOCKER, 'Dockerfile'), 'utf8');

/** The services that run ActionLedger's own image (the others are PostgreSQL, KurrentDB, Redis, the proxy). */
const ours = Object.entries(compose.services).filter(
  ([, service]) => service.build?.dockerfile === 'docker/Dockerfile',
);

/** A value as compose would give it with nothing set: `${X:-default}` is its default; `${X:?…}` must be set. */
function resolved(value: string | number): string | undefined {
  const text = String(value);
  if (/\$\{[A-Z_]+:\?/.test(text)) return undefined;
  return text.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
}

const processOf = (service: Service): 'api' | 'worker' =>
  service.command?.some((part) => part.includes('apps/worker/')) ? 'worker' : 'api';

/** `CMD ["node", "dist/…"]` of the Dockerfile's last stage. */
function dockerfileCommand(): string[] {
  const commands = [...dockerfile.matchAll(/^CMD (\[.*\])$/gm)];
  return JSON.parse(commands.at(-1)![1]) as string[];
}

/** The route a healthcheck asks: `http://127.0.0.1:3000/ready` in its command. */
function healthRoute(test: readonly string[]): { port: string; path: string } {
  const match = /http:\/\/127\.0\.0\.1:([^/']+)\/([a-z]+)/.exec(test.join(' '));
  if (!match) throw new Error(`No local URL in the healthcheck ${JSON.stringify(test)}`);
  return { port: match[1], path: `/${match[2]}` };
}

describe('docker/compose.yaml and the Dockerfile', () => {
  it('run the event store (PostgreSQL, KurrentDB as a profile), Redis with AOF, api and worker replicas and a proxy', () => {
    const { services } = compose;
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'kurrentdb',
      'postgres',
      'proxy',
      'redis',
      'worker',
    ]);
    expect(services.postgres.profiles).toBeUndefined();
    expect(services.kurrentdb.profiles).toEqual(['kurrentdb']);
    expect(services.redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(services.api.deploy?.replicas).toBeGreaterThan(1);
    expect(services.worker.deploy?.replicas).toBeGreaterThan(1);
    expect(services.api.environment).toMatchObject({ PROJECTIONS: 'off', REMINDERS: 'off' });
    expect(resolved(services.worker.environment!.SMTP_URL)).toMatch(/^smtp:\/\//);
    expect(resolved(services.api.environment!.EVENT_STORE)).toBe('postgres');
    expect(readFileSync(join(DOCKER, 'Caddyfile'), 'utf8')).toMatch(
      /dynamic a api 3000[\s\S]*health_uri \/ready/,
    );
  });

  it.each(ours)('gives %s only settings that the schema has, with values it accepts', (_name, service) => {
    const known = new Set(
      SETTINGS.filter((setting) => setting.scope !== 'tests').map((setting) => setting.name),
    );
    const names = Object.keys(service.environment ?? {});
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    const readByOthers = SETTINGS.filter(
      (setting) => names.includes(setting.name) && ![processOf(service), 'both'].includes(setting.scope),
    );
    expect(readByOthers.map((setting) => setting.name)).toEqual([]);
    const values = Object.fromEntries(
      Object.entries(service.environment!).flatMap(([name, value]) => {
        const text = resolved(value);
        return text === undefined ? [] : [[name, text]];
      }),
    );
    expect(() => validateSettings(values, processOf(service))).not.toThrow();
  });

  it.each(ours)('runs in %s a script that the build makes and the image holds', (_name, service) => {
    const [program, script] = service.command ?? dockerfileCommand();
    expect(program).toBe('node');
    expect(script).toMatch(/^dist\//);
    expect(existsSync(join(ROOT, script))).toBe(true); // run `npm run build` first
    expect(dockerfile).toContain('COPY --from=build --chown=node:node /app/dist ./dist');
  });

  it('builds in stages, installs only production dependencies, runs as a user that is not root, checks /ready', () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^RUN .*npm ci --omit=dev/m);
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).not.toMatch(/g\+\+|npm ci --no-audit --no-fund$/m);
    const healthcheck = /^HEALTHCHECK .*\\\n\s+CMD (\[.*\])$/m.exec(dockerfile);
    expect(healthcheck).not.toBeNull();
    expect(JSON.parse(healthcheck![1]).join(' ')).toContain("'/ready'");
    expect(dockerfileCommand()).toEqual(['node', 'dist/apps/api/src/main.js']);
  });

  describe('healthchecks that ask real routes', () => {
    let dataDir: string;
    beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'actionledger-docker-'))));
    afterEach(async () => {
      const redis = new Redis();
      const keys = await redis.keys(`test-${basename(dataDir)}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("asks the API's port and a route the built API answers with 200", async () => {
      const { port, path } = healthRoute(compose.services.api.healthcheck!.test);
      expect(port).toBe(String(compose.services.api.environment!.PORT));
      const api = await startApiProcess({
        DATA_DIR: dataDir,
        READ_MODEL_KEY_PREFIX: `test-${basename(dataDir)}`,
      });
      try {
        expect((await fetch(`${api.baseUrl}${path}`)).status).toBe(200);
        expect((await fetch(`${api.baseUrl}/no-such-route`)).status).not.toBe(200);
      } finally {
        await api.kill('SIGTERM');
      }
    });

    it("asks the worker's port and a route the built worker answers with 200", async () => {
      const { port, path } = healthRoute(compose.services.worker.healthcheck!.test);
      expect(port).toBe(String(compose.services.worker.environment!.WORKER_PORT));
      const worker = spawn(process.execPath, [join(ROOT, compose.services.worker.command![1])], {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          READ_MODEL_KEY_PREFIX: `test-${basename(dataDir)}`,
          WORKER_PORT: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      worker.stdout.on('data', (chunk) => (output += chunk));
      const exited = new Promise((done) => worker.once('exit', done));
      try {
        const deadline = Date.now() + 30_000;
        let listening: string | undefined;
        while (
          !(listening = /worker on http:\/\/localhost:(\d+)/.exec(output)?.[1]) &&
          Date.now() < deadline
        ) {
          await new Promise((tick) => setTimeout(tick, 50));
        }
        expect((await fetch(`http://127.0.0.1:${listening}${path}`)).status).toBe(200);
        expect((await fetch(`http://127.0.0.1:${listening}/api/inspections`)).status).toBe(404);
      } finally {
        worker.kill('SIGTERM');
        await exited;
      }
    });
  });
});
