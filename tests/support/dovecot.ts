/**
 * A private Dovecot IMAP server for tests: its own config, state and mail in a temp dir, plain
 * IMAP on a free loopback port, users from a passwd-file. Started as a child process and stopped
 * by its PID only, so parallel test files and a system Dovecot are never touched.
 * Facts behind the config: shared/MACHINE-NOTES.md, "Mail".
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port';

const DOVECOT = '/usr/sbin/dovecot';
const INSTALL_LOCK = path.join(tmpdir(), 'meldpost-dovecot-install.lock');

export type TDovecotUser = { user: string; password: string };

export type TDovecot = {
  host: string;
  port: number;
  dir: string;
  /** PID of the running master process; null while stopped. */
  pid: () => number | null;
  /** Stops the server and removes its directory. */
  stop: () => Promise<void>;
  /** Stops and starts again on the same port with the same mail: a server restart as clients see it. */
  restart: () => Promise<void>;
  /** Stores a raw message through the real server (APPEND), creating the folder when missing. */
  appendRaw: (user: string, folder: string, raw: Buffer | string) => Promise<{ uid?: number; uidValidity?: bigint }>;
  /** A connected imapflow client for `user`; the caller logs out. */
  connect: (user: string, options?: { autoIdleDelay?: number }) => Promise<ImapFlow>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Running, not merely a zombie waiting for an init that is slow to reap it. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** PIDs of every process below `root` (Linux /proc), so leftovers can be ended by PID. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent PID; the command name before it may contain spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  for (let queue = [root]; queue.length; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/** Installs dovecot-imapd once per machine; concurrent test files wait on a lock file instead of racing apt. */
async function ensureDovecotInstalled(): Promise<void> {
  if (existsSync(DOVECOT)) return;
  if (process.getuid?.() !== 0) throw new Error('Dovecot ontbreekt: installeer dovecot-imapd (apt-get install -y dovecot-imapd)');
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    let fd: number;
    try {
      fd = openSync(INSTALL_LOCK, 'wx');
    } catch {
      // Someone else installs; a lock older than the deadline is stale (a killed installer).
      const lock = statSync(INSTALL_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 10 * 60_000) rmSync(INSTALL_LOCK, { force: true });
      await sleep(1000);
      if (existsSync(DOVECOT)) return;
      continue;
    }
    try {
      if (existsSync(DOVECOT)) return;
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      for (const args of [['update', '-q'], ['install', '-y', '-q', 'dovecot-imapd']]) {
        const r = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 9 * 60_000 });
        if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} mislukt: ${(r.stderr || r.error?.message || '').slice(-500)}`);
      }
      if (!existsSync(DOVECOT)) throw new Error('Dovecot ontbreekt na installatie van dovecot-imapd');
      return;
    } finally {
      closeSync(fd);
      unlinkSync(INSTALL_LOCK);
    }
  }
  throw new Error('Dovecot ontbreekt: wachten op een andere installatie duurde te lang');
}

/**
 * As root, mail belongs to nobody (uid 0 mail fails with vague errors) and Dovecot's own
 * service users run the login and auth processes. Unprivileged, everything runs as us.
 */
function identities(): { mailUid: number; mailGid: number; extra: string } {
  if (process.getuid?.() === 0) return { mailUid: 65534, mailGid: 65534, extra: 'first_valid_uid = 100\nfirst_valid_gid = 100\n' };
  const me = userInfo();
  // Dovecot wants the group by name; /etc/group knows it (node's userInfo gives only the number).
  const group = readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === String(me.gid))?.split(':')[0] ?? me.username;
  return {
    mailUid: me.uid,
    mailGid: me.gid,
    extra: `default_internal_user = ${me.username}\ndefault_login_user = ${me.username}\ndefault_internal_group = ${group}\nfirst_valid_uid = ${me.uid}\nfirst_valid_gid = ${me.gid}\n` +
      // chroot needs root; without it the login and anvil processes die at start-up.
      'service anvil {\n  chroot =\n}\nservice imap-login {\n  chroot =\n}\n',
  };
}

function config(dir: string, port: number, mailUid: number, mailGid: number, extra: string): string {
  return `# private test instance, generated by tests/support/dovecot.ts
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = meldpost-test-${port}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
${extra}
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

function portAccepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('data', (d) => {
      socket.destroy();
      resolve(d.toString().startsWith('* OK'));
    });
    socket.once('error', () => resolve(false));
    // A login process that fails to start makes the server hang up without a greeting.
    socket.once('close', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function startDovecot(o: { users: TDovecotUser[] }): Promise<TDovecot> {
  await ensureDovecotInstalled();
  const host = '127.0.0.1';
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'meldpost-dovecot-'));
  // Dovecot's login and auth processes run as other users and must reach base_dir.
  chmodSync(dir, 0o755);
  const { mailUid, mailGid, extra } = identities();
  for (const sub of ['run', 'state', 'mail']) mkdirSync(path.join(dir, sub), { mode: 0o755 });
  chownSync(path.join(dir, 'mail'), mailUid, mailGid);
  writeFileSync(path.join(dir, 'users'), o.users.map((u) => `${u.user}:{PLAIN}${u.password}::::::\n`).join(''), { mode: 0o644 });
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(conf, config(dir, port, mailUid, mailGid, extra));
  const passwords = new Map(o.users.map((u) => [u.user, u.password]));

  let child: ChildProcess | null = null;
  let removed = false;

  async function start(): Promise<void> {
    const proc = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child = proc;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null || proc.signalCode !== null) break;
      if (await portAccepts(host, port)) return;
      await sleep(20);
    }
    await halt();
    const log = existsSync(path.join(dir, 'dovecot.log')) ? readFileSync(path.join(dir, 'dovecot.log'), 'utf8').slice(-1500) : '';
    throw new Error(`Dovecot startte niet op ${host}:${port}: ${stderr.slice(-1000)} ${log}`);
  }

  /**
   * SIGTERM to our own master PID, SIGKILL if it lingers; never by process name. An imap process
   * holding an IDLE session outlives its master by ~10 s ("Server shutting down"), which is not
   * what a restart looks like to a client: those leftovers are ended too, by the PIDs we saw.
   */
  async function halt(): Promise<void> {
    const proc = child;
    child = null;
    if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return;
    const workers = descendants(proc.pid);
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
    if (timedOut) {
      proc.kill('SIGKILL');
      await exited;
    }
    const leftovers = workers.filter(isAlive);
    for (const pid of leftovers) process.kill(pid, 'SIGKILL');
    while (leftovers.some(isAlive)) await sleep(10);
  }

  async function connectClient(user: string, options: { autoIdleDelay?: number } = {}): Promise<ImapFlow> {
    const pass = passwords.get(user);
    if (pass === undefined) throw new Error(`onbekende testgebruiker ${user}`);
    const client = new ImapFlow({ host, port, secure: false, doSTARTTLS: false, auth: { user, pass }, logger: false, ...options });
    await client.connect();
    return client;
  }

  // A test process that dies without stop() must not leave a server behind.
  process.once('exit', () => child?.kill('SIGKILL'));
  try {
    await start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    host,
    port,
    dir,
    pid: () => child?.pid ?? null,
    async stop() {
      await halt();
      if (!removed) rmSync(dir, { recursive: true, force: true });
      removed = true;
    },
    async restart() {
      await halt();
      await start();
    },
    connect: connectClient,
    async appendRaw(user, folder, raw) {
      const client = await connectClient(user);
      try {
        if (folder.toUpperCase() !== 'INBOX') {
          const list = await client.list();
          if (!list.some((m) => m.path === folder)) await client.mailboxCreate(folder);
        }
        const result = await client.append(folder, typeof raw === 'string' ? Buffer.from(raw) : raw);
        if (!result) throw new Error(`APPEND naar ${folder} mislukt`);
        return { uid: result.uid, uidValidity: result.uidValidity };
      } finally {
        await client.logout();
      }
    },
  };
}
