import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import readline from "node:readline";

const root = path.resolve(__dirname, "../../..");
export const SERVICE_NAMES = ["audience-service", "template-renderer", "campaign-engine", "ghl-delivery", "gateway"] as const;

export interface RunningServices {
  baseUrl: string;
  env: Record<string, string>;
  /** Every line the services printed, prefixed with the service name. */
  logs: string[];
  /** SIGTERM to all; resolves with each service's exit code. */
  stop(): Promise<Record<string, number | null>>;
  /** Stops one service (SIGTERM) and resolves with its exit code; stop() still reports it. */
  stopService(name: (typeof SERVICE_NAMES)[number]): Promise<number | null>;
  /**
   * Kills one service with SIGKILL — no shutdown at all — and starts it again once it is gone;
   * `whileDown` runs in between, to look at what the dead process left behind.
   */
  crash(name: (typeof SERVICE_NAMES)[number], whileDown?: () => Promise<void>): Promise<void>;
  /** Stops one service (SIGTERM, waits for exit) and starts it again; resolves with the old exit code. */
  restart(name: (typeof SERVICE_NAMES)[number]): Promise<number | null>;
  /** Starts one more copy of a service with extra settings (e.g. a second gateway on its own port). */
  startCopy(name: (typeof SERVICE_NAMES)[number], overrides: Record<string, string>): Promise<{ stop(): Promise<number | null> }>;
}

function stopChild(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

async function waitForHealth(url: string, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function spawnService(name: string, env: Record<string, string>, logs: string[]): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, "services", name, "dist", "main.js")], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) readline.createInterface({ input: stream }).on("line", (line) => logs.push(`[${name}] ${line}`));
  }
  return child;
}

/**
 * Starts the five compiled services as separate processes (as `pnpm start` does) and waits until
 * the gateway's /health answers 200. The caller's env carries the run's database and prefix.
 */
export async function startServices(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<RunningServices> {
  const port = await freePort();
  const fullEnv = { ...env, GATEWAY_PORT: String(port), PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${port}` };
  const logs: string[] = [];
  const children = new Map<string, ChildProcess>();
  for (const name of SERVICE_NAMES) children.set(name, spawnService(name, fullEnv, logs));
  const baseUrl = `http://127.0.0.1:${port}/api/v1/marketing`;

  const stop = async () => {
    const codes: Record<string, number | null> = {};
    await Promise.all([...children].map(async ([name, child]) => (codes[name] = await stopChild(child))));
    return codes;
  };
  const restart = async (name: (typeof SERVICE_NAMES)[number]) => {
    const code = await stopChild(children.get(name)!);
    children.set(name, spawnService(name, fullEnv, logs));
    if (!(await waitForHealth(`${baseUrl}/health`, Date.now() + 30_000))) throw new Error(`${name} did not come back:\n${logs.slice(-20).join("\n")}`);
    return code;
  };
  const crash = async (name: (typeof SERVICE_NAMES)[number], whileDown?: () => Promise<void>) => {
    const child = children.get(name)!;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
    await whileDown?.();
    children.set(name, spawnService(name, fullEnv, logs));
    if (!(await waitForHealth(`${baseUrl}/health`, Date.now() + 30_000))) throw new Error(`${name} did not come back:\n${logs.slice(-20).join("\n")}`);
  };
  const startCopy = async (name: (typeof SERVICE_NAMES)[number], overrides: Record<string, string>) => {
    const child = spawnService(name, { ...fullEnv, ...overrides }, logs);
    if (name === "gateway" && overrides.GATEWAY_PORT && !(await waitForHealth(`http://127.0.0.1:${overrides.GATEWAY_PORT}/api/v1/marketing/health`, Date.now() + 30_000))) {
      await stopChild(child);
      throw new Error("the extra gateway did not become healthy");
    }
    return { stop: () => stopChild(child) };
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let last = "";
  while (Date.now() < deadline) {
    const dead = [...children].find(([, child]) => child.exitCode !== null);
    if (dead) {
      await stop();
      throw new Error(`${dead[0]} exited during start-up:\n${logs.slice(-40).join("\n")}`);
    }
    try {
      const res = await fetch(`${baseUrl}/health`);
      last = await res.text();
      if (res.status === 200) return { baseUrl, env: fullEnv, logs, stop, restart, crash, startCopy, stopService: (name) => stopChild(children.get(name)!) };
    } catch {
      // gateway not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`services did not become healthy: ${last}\n${logs.slice(-40).join("\n")}`);
}

/** Runs the real CLI (`pnpm cli …`) with a run's environment; resolves with its exit code and output lines. */
export async function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number | null; lines: string[] }> {
  const lines: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "services", "gateway", "dist", "cli.js"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [child.stdout, child.stderr]) if (stream) readline.createInterface({ input: stream }).on("line", (line) => lines.push(line));
    child.on("exit", resolve);
  });
  return { code, lines };
}

/** Mints a token as a user would; the token is the CLI's last line. */
export async function createToken(env: Record<string, string>, tenant: string): Promise<string> {
  const { code, lines } = await runCli(env, ["tokens", "create", "--tenant", tenant]);
  const token = lines.at(-1);
  if (code !== 0 || !token) throw new Error(`tokens create failed (${code}): ${lines.join("\n")}`);
  return token;
}
