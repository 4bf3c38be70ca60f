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
  // Called by the main module when it needs the rest before the rest has
  // arrived (a link straight to a result, say): fetches and compiles it there
  // and then. Synchronous requests cannot ask for bytes, so the text comes
  // back one byte per character.
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
  // returning visitor's first screen may well need the rest.
  let early = null;
  try {
    if (url && navigator.serviceWorker?.controller) early = fetchRest();
  } catch {
    // No service workers in this context (a sandboxed frame, say).
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
  const prefetch = async () => {
    if (linked) return;
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
    // again, and the rest is fetched after the first screen has painted.
    started() {
      WebAssembly.instantiateStreaming = instantiateStreaming;
      WebAssembly.instantiate = instantiate;
      if (url) setTimeout(prefetch, 0);
    },
  };
})();
