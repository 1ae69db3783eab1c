'use strict';
// @forge/cli-shared requires keytar only to store Forge CLI login credentials; this project never logs
// in from node_modules (it uses @forge/lint's linters offline), so every call says so instead of working.
const unavailable = () => Promise.reject(new Error('keytar is stubbed in this project (vendor/keytar-stub): no OS keychain access from the dev dependencies'));
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findCredentials: unavailable,
  findPassword: unavailable,
};
