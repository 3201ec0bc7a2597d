// TCP helpers for ./run and ./test, in Node because Node is already a prerequisite
// (the scripts must not assume python, curl or nc on a fresh machine).
//
//   node scripts/net.js free-ports <count>
//       prints <count> distinct free loopback ports, space separated
//   node scripts/net.js wait <timeoutSeconds> <pid> <port>...
//       exits 0 once every port accepts a TCP connection on 127.0.0.1,
//       1 on timeout, 2 as soon as process <pid> is gone (0 = do not watch a process)
'use strict';

const net = require('node:net');

const HOST = '127.0.0.1';
const RETRY_MS = 100;
const CONNECT_TIMEOUT_MS = 1000;

function listenOnFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => resolve(server));
  });
}

// All listeners are open at once so the ports are distinct; they are closed just before
// the caller binds them, and the caller retries with new ports if another process wins.
async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      servers.push(await listenOnFreePort());
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

function answers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return error.code === 'EPERM';
  }
}

async function waitForPorts(timeoutSeconds, pid, ports) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let pending = ports;
  for (;;) {
    if (pid > 0 && !isAlive(pid)) {
      return 2;
    }
    const results = await Promise.all(pending.map(answers));
    pending = pending.filter((_, i) => !results[i]);
    if (pending.length === 0) {
      return 0;
    }
    if (Date.now() >= deadline) {
      return 1;
    }
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
}

function toInteger(text, what) {
  const value = Number.parseInt(text, 10);
  if (!Number.isInteger(value) || value < 0 || String(value) !== String(text)) {
    throw new Error(`${what} must be a non-negative integer, got '${text}'`);
  }
  return value;
}

async function main(argv) {
  const [command, ...args] = argv;
  switch (command) {
    case 'free-ports': {
      const ports = await freePorts(toInteger(args[0] ?? '1', 'count'));
      process.stdout.write(ports.join(' ') + '\n');
      return 0;
    }
    case 'wait': {
      if (args.length < 3) {
        throw new Error('usage: wait <timeoutSeconds> <pid> <port>...');
      }
      const timeout = toInteger(args[0], 'timeoutSeconds');
      const pid = toInteger(args[1], 'pid');
      const ports = args.slice(2).map((p) => toInteger(p, 'port'));
      return waitForPorts(timeout, pid, ports);
    }
    default:
      throw new Error(`unknown command '${command ?? ''}' (free-ports | wait)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`net.js: ${error.message}\n`);
    process.exit(64);
  },
);
