// Preload (node --require) that makes every way Node reaches the network throw, so a run that
// finishes normally under it used no network at all.
'use strict';
const refuse = (what) =>
  function () {
    process.stderr.write(`NETWORK USED: ${what}\n`);
    throw new Error(`network used: ${what}`);
  };

const net = require('node:net');
for (const fn of ['connect', 'createConnection', 'createServer']) net[fn] = refuse(`net.${fn}`);
net.Socket.prototype.connect = refuse('net.Socket#connect');
require('node:tls').connect = refuse('tls.connect');
for (const mod of ['node:http', 'node:https', 'node:http2']) {
  const m = require(mod);
  for (const fn of ['request', 'get', 'connect', 'createServer']) if (typeof m[fn] === 'function') m[fn] = refuse(`${mod}.${fn}`);
}
const dns = require('node:dns');
for (const fn of Object.keys(dns)) if (/^(lookup|resolve)/.test(fn) && typeof dns[fn] === 'function') dns[fn] = refuse(`dns.${fn}`);
for (const fn of Object.keys(dns.promises)) if (/^(lookup|resolve)/.test(fn) && typeof dns.promises[fn] === 'function') dns.promises[fn] = refuse(`dns.promises.${fn}`);
require('node:dgram').createSocket = refuse('dgram.createSocket');
globalThis.fetch = refuse('fetch');
globalThis.WebSocket = refuse('WebSocket');
