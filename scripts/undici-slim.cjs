'use strict';
// What umwatch's api layer takes from undici, and only that: a Pool with the
// request API, and buildConnector. undici's own index also loads fetch,
// WebSocket, EventSource, caches, cookies, the mocks and more, which took
// ~70 ms of every start to evaluate (issue 14); these are the same modules
// the index hands out, wired the same way (the index assigns the request API
// to every dispatcher). scripts/esbuild-options.js points source/'s imports
// of 'undici' here.
const Dispatcher = require('undici/lib/dispatcher/dispatcher');
const api = require('undici/lib/api');

Object.assign(Dispatcher.prototype, api);

module.exports.Dispatcher = Dispatcher;
module.exports.Pool = require('undici/lib/dispatcher/pool');
module.exports.buildConnector = require('undici/lib/core/connect');
