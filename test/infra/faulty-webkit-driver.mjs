#!/usr/bin/env node
/**
 * A WebKitWebDriver that fails the way WebKitGTK does under CI load, for
 * test/infra/engine-failures.test.mjs: the real driver behind a proxy on the
 * port it is asked for, stopped with SIGSTOP or refusing new sessions when a
 * fault in WEBKIT_FAULTS is due.
 *
 *   stop-at-open     the driver is stopped as the 2nd test file opens, for WEBKIT_FAULT_SECONDS
 *   stop-mid-file    the driver is stopped at a test's first key press (in the middle of its file)
 *   refuse-at-start  new sessions are refused for WEBKIT_FAULT_SECONDS from the first
 *   refuse-mid-file  at the first key press the browser dies (MiniBrowser killed) and new
 *                    sessions are refused for WEBKIT_FAULT_SECONDS
 *
 * And always, as the real driver does: a session command that another
 * overtakes (sent while it is still being answered) is never answered.
 * WebKitWebDriver never answers a navigation that a second command overtakes
 * (wtr's own launcher sent getTitle every 60 s as a heartbeat): the hang CI
 * used to die of. The launcher must never send two at once.
 *
 * Each fault happens once per run, however many drivers the launcher starts:
 * WEBKIT_FAULT_STATE is a folder shared by them, where each fault leaves its
 * start time.
 */
import { Buffer } from 'node:buffer';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { once } from 'node:events';

const REAL = '/usr/bin/WebKitWebDriver';
const faults = (process.env.WEBKIT_FAULTS ?? '').split(',').filter(Boolean);
const seconds = Number(process.env.WEBKIT_FAULT_SECONDS ?? 20);
const state = process.env.WEBKIT_FAULT_STATE;
const port = Number(process.argv.find((arg) => arg.startsWith('--port='))?.slice('--port='.length));

const startedAt = (fault) => (existsSync(`${state}/${fault}`) ? Number(readFileSync(`${state}/${fault}`, 'utf8')) : undefined);
/** Starts a fault unless it has happened in this run; true when it starts now. */
function begin(fault) {
  if (!faults.includes(fault) || startedAt(fault) !== undefined) return false;
  writeFileSync(`${state}/${fault}`, String(Date.now()));
  console.error(`[faulty driver] ${fault} now`);
  return true;
}
const lasting = (fault) => {
  const start = startedAt(fault);
  return start !== undefined && Date.now() - start < seconds * 1000;
};

async function freePort() {
  const server = createNetServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port: free } = server.address();
  server.close();
  return free;
}

const realPort = await freePort();
const driver = spawn(REAL, [`--port=${realPort}`], { stdio: 'inherit' });
driver.on('exit', () => process.exit(0));
process.on('SIGTERM', () => driver.kill('SIGKILL'));

function stopDriverFor(ms) {
  driver.kill('SIGSTOP');
  setTimeout(() => driver.kill('SIGCONT'), ms).unref();
}

function killBrowser() {
  try {
    execFileSync('pkill', ['-KILL', '-P', String(driver.pid), 'MiniBrowser']);
  } catch {
    // none to kill
  }
}

let opened = 0;
/** The session command being answered: { overtaken } once another came while it was. */
let answering;
const refusal = JSON.stringify({ value: { error: 'session not created', message: 'refused by the faulty driver', stacktrace: '' } });

createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/session') {
    begin('refuse-at-start');
    if (lasting('refuse-at-start') || lasting('refuse-mid-file')) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(refusal);
      return;
    }
  }
  const command = req.url.startsWith('/session/') ? { overtaken: false } : undefined;
  if (command) {
    if (answering) {
      answering.overtaken = true;
      console.error(`[faulty driver] ${req.method} ${req.url} overtook a command, which will never be answered`);
    }
    answering = command;
    res.on('close', () => answering === command && (answering = undefined));
  }
  const body = [];
  req.on('data', (chunk) => body.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(body).toString();
    if (req.method === 'POST' && /\/url$/.test(req.url) && !text.includes('about:blank') && ++opened === 2 && begin('stop-at-open')) {
      stopDriverFor(seconds * 1000);
    }
    if (req.method === 'POST' && /\/actions$/.test(req.url)) {
      if (begin('stop-mid-file')) stopDriverFor(seconds * 1000);
      if (begin('refuse-mid-file')) killBrowser();
    }
    const forward = request({ host: '127.0.0.1', port: realPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      if (command?.overtaken) {
        answer.resume();
        return;
      }
      if (answering === command) answering = undefined;
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    forward.end(text);
  });
}).listen(port, '127.0.0.1');
