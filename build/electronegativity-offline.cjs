// Stands in for the `got` HTTP client inside Electronegativity (build/electronegativity.mjs): every
// request fails at once as if there were no network, so the scan never reaches out. The scanner
// then keeps the English messages it ships and skips its online Electron release lookup.
function offline() {
  return Promise.reject(new Error('Electronegativity runs offline here'));
}
offline.get = offline;
offline.head = offline;
module.exports = offline;
