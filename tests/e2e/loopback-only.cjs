// Preloaded into the Agents Playground (node --require): keeps it on this machine.
// - A server started with no host listens on 127.0.0.1 only (the playground calls listen(port)).
// - Outgoing connections and DNS lookups to anything but loopback fail at once (its telemetry would
//   otherwise try to reach the internet, which this workplace forbids and watches).
"use strict";
const net = require("node:net");
const dns = require("node:dns");

const isLoopback = (host) => !host || host === "localhost" || host === "::1" || host === "[::1]" || /^127\./.test(host);

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    const port = Number(args[0]);
    const callback = args.find((a) => typeof a === "function");
    const hostGiven = typeof args[1] === "string";
    if (!hostGiven) return listen.call(this, port, "127.0.0.1", callback);
  } else if (args[0] && typeof args[0] === "object" && !args[0].path && !args[0].host) {
    args[0] = { ...args[0], host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === "object" && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  if (!options.path && !isLoopback(options.host)) {
    const error = new Error(`loopback-only: refused connection to ${options.host}`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  const done = typeof options === "function" ? options : callback;
  if (!isLoopback(hostname)) {
    const error = Object.assign(new Error(`loopback-only: no lookup of ${hostname}`), { code: "ENOTFOUND" });
    return process.nextTick(() => done(error));
  }
  return lookup.call(this, hostname, options, callback);
};
