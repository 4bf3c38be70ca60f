// Tandem's code comes in two modules (tools/wasm-split): the main one, with
// what the first screen runs, and the rest, fetched and compiled once the
// first screen is showing. Until the rest has arrived, each of its functions
// is a stub in the main module that calls `tandem.load()` first; this is the
// page half. tools/split/build.mjs puts this code before Trunk's loader, with
// REST_FILE and REST_INTEGRITY filled in (REST_FILE is null in the
// instrumented build, which has no rest), and `tandemSplit.started()` after it.
const tandemSplit = (() => {
  const url = REST_FILE && new URL(REST_FILE, import.meta.url).href;
  const { instantiate, instantiateStreaming } = WebAssembly;
  let main = null;
  let compiled = null;
  let linked = false;
  // Instantiating the rest writes its functions into the main module's
  // function table and marks it loaded; from then on no stub calls load.
  const link = () => {
    if (linked) return;
    new WebAssembly.Instance(compiled, { main });
    linked = true;
    performance.mark('tandem:rest-linked');
  };
  // SHA-256 (FIPS 180-4) of `data`, as base64: the rest fetched on demand
  // is checked against REST_INTEGRITY as the browser checks the background
  // fetch, but in a synchronous request, where the browser's own digest
  // (asynchronous) cannot be awaited. The constants are the fractional parts
  // of the first primes' square and cube roots.
  const sha256 = (data) => {
    const k = [];
    const h = [];
    for (let n = 2; k.length < 64; n += 1) {
      let prime = true;
      for (let d = 2; d * d <= n; d += 1) if (n % d === 0) prime = false;
      if (!prime) continue;
      if (h.length < 8) h.push(((Math.sqrt(n) % 1) * 2 ** 32) | 0);
      k.push(((Math.cbrt(n) % 1) * 2 ** 32) | 0);
    }
    const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
    padded.set(data);
    padded[data.length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(data.length / 2 ** 29));
    view.setUint32(padded.length - 4, (data.length * 8) >>> 0);
    const rotate = (x, n) => (x >>> n) | (x << (32 - n));
    const w = new Int32Array(64);
    for (let at = 0; at < padded.length; at += 64) {
      for (let i = 0; i < 16; i += 1) w[i] = view.getInt32(at + i * 4);
      for (let i = 16; i < 64; i += 1) {
        const [x, y] = [w[i - 15], w[i - 2]];
        w[i] = (rotate(x, 7) ^ rotate(x, 18) ^ (x >>> 3)) + w[i - 7] +
          (rotate(y, 17) ^ rotate(y, 19) ^ (y >>> 10)) + w[i - 16];
      }
      let [a, b, c, d, e, f, g, z] = h;
      for (let i = 0; i < 64; i += 1) {
        const t1 = (z + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i]) | 0;
        const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        [z, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
      }
      [a, b, c, d, e, f, g, z].forEach((x, i) => { h[i] = (h[i] + x) | 0; });
    }
    const digest = new DataView(new ArrayBuffer(32));
    h.forEach((x, i) => digest.setInt32(i * 4, x));
    return btoa(String.fromCharCode(...new Uint8Array(digest.buffer)));
  };
  // Called by the main module when it needs the rest before the rest has
  // arrived (a link straight to a result, say): fetches, checks and compiles
  // it there and then. Synchronous requests cannot ask for bytes, so the
  // text comes back one byte per character.
  const load = () => {
    if (!compiled) {
      performance.mark('tandem:rest-on-demand');
      try {
        const request = new XMLHttpRequest();
        request.open('GET', url, false);
        request.overrideMimeType('text/plain; charset=x-user-defined');
        request.send();
        if (request.status !== 200) throw new Error(`the server answered HTTP ${request.status}`);
        const text = request.responseText;
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
        if (`sha256-${sha256(bytes)}` !== REST_INTEGRITY) {
          throw new Error('what arrived is not the code of this version of Tandem');
        }
        compiled = new WebAssembly.Module(bytes);
      } catch (error) {
        unavailable(error.message);
        // Stops what needed the rest; the page stays as it was.
        throw new Error(`Tandem could not load ${url}: ${error.message}`);
      }
    }
    link();
  };
  // Says so on the page, once, with a way to try again.
  const unavailable = (reason) => {
    let notice = document.getElementById('tandem-rest-unavailable');
    if (!notice) {
      notice = document.createElement('div');
      notice.id = 'tandem-rest-unavailable';
      notice.className = 'update-notice';
      notice.setAttribute('role', 'alert');
      const text = document.createElement('p');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button--primary';
      button.textContent = 'Reload';
      button.onclick = () => location.reload();
      notice.append(text, button);
      document.body.prepend(notice);
    }
    notice.querySelector('p').textContent =
      `Tandem could not load the rest of its code (${reason}). ` +
      'Your answers so far are kept on this device: check the connection, then reload.';
  };
  // `ran` records which functions run, in the instrumented build that
  // `cargo xtask profile` makes; no other build calls it.
  const host = {
    load,
    ran: (n) => (globalThis.tandemProfile ??= new Set()).add(n),
  };
  const fetchRest = async () => {
    const response = await fetch(url, { integrity: REST_INTEGRITY });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return WebAssembly.compile(await response.arrayBuffer());
  };
  // With Tandem's offline copy in charge (a returning visitor), the rest is
  // read from it alongside the main module and linked before the app
  // starts: the service worker does not answer synchronous requests, and a
  // returning visitor's first screen may well need the rest. So is a page
  // opened at a fragment (a result link, the workshop, a configuration's
  // link): only the plain landing page runs without the rest, and anything
  // else would otherwise wait for it after the main module, in one
  // synchronous request.
  let early = null;
  const atFragment = location.hash.length > 1;
  let offline = false;
  try {
    offline = Boolean(navigator.serviceWorker?.controller);
  } catch {
    // No service workers in this context (a sandboxed frame, say).
  }
  if (url && (offline || atFragment)) {
    performance.mark('tandem:rest-early');
    early = fetchRest();
    // Seen by `keep`, which awaits it; not an unhandled rejection before.
    early.catch(() => {});
  }
  const keep = async (result) => {
    main = (result.instance ?? result).exports;
    if (early) {
      try {
        compiled ??= await early;
        link();
      } catch (error) {
        console.info(`Tandem will fetch the rest of its code when it needs it: ${error}`);
      }
    }
    return result;
  };
  WebAssembly.instantiateStreaming = (source, imports) =>
    instantiateStreaming(source, { ...imports, tandem: host }).then(keep);
  WebAssembly.instantiate = (source, imports) =>
    instantiate(source, { ...imports, tandem: host }).then(keep);
  let asked = false;
  const prefetch = async () => {
    if (linked || asked) return;
    asked = true;
    try {
      const module = await fetchRest();
      compiled ??= module;
      link();
    } catch (error) {
      console.info(`Tandem will fetch the rest of its code when it needs it: ${error}`);
    }
  };
  return {
    // Once the main module has started: the page's WebAssembly is its own
    // again, and the rest is fetched once the first screen has painted (a
    // task after the next frame), so that nothing the first screen paints
    // waits behind its bytes. A page that paints no frames (a tab in the
    // background) asks for it after a second instead.
    started() {
      WebAssembly.instantiateStreaming = instantiateStreaming;
      WebAssembly.instantiate = instantiate;
      if (!url) return;
      requestAnimationFrame(() => setTimeout(prefetch, 0));
      setTimeout(prefetch, 1000);
    },
  };
})();
