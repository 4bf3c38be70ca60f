
// Offline use (tools/offline/register.js, appended to Tandem's loader at build
// time, so it runs once the app has started): registers sw.js, which keeps
// this build's files so that Tandem loads with no network after the first
// visit, and says when a newer version of Tandem is ready.
//
// A newer version never replaces the running one behind the person's back:
// its worker waits (see tools/offline/service-worker.js) until every Tandem
// page has closed, or until the person chooses "Reload" here. A page still
// open when another page has switched to the newer version says so too.
{
  let workers;
  try {
    workers = navigator.serviceWorker;
  } catch {
    // A frame without an origin of its own throws on mere access.
  }

  // Shows (once) "A new version of Tandem is ready." with a Reload button
  // that calls `reload`. Above the app, outside the part Yew renders.
  const offerUpdate = (reload) => {
    let notice = document.querySelector('.update-notice');
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'update-notice';
      notice.setAttribute('role', 'status');
      const text = document.createElement('p');
      text.textContent = 'A new version of Tandem is ready.';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button--primary';
      button.textContent = 'Reload';
      notice.append(text, button);
      document.body.prepend(notice);
    }
    notice.querySelector('button').onclick = reload;
  };

  const register = async () => {
    const registration = await workers.register('./sw.js', { updateViaCache: 'none' });
    // Browser automation may switch registration off and resolve to nothing.
    if (!registration) return;
    let controller = workers.controller;
    let updating = false;
    workers.addEventListener('controllerchange', () => {
      const previous = controller;
      controller = workers.controller;
      if (updating) {
        location.reload();
      } else if (previous) {
        // Another page switched to the newer version; this one still runs
        // the older code until it reloads.
        offerUpdate(() => location.reload());
      }
      // Otherwise this is the first visit's page coming under the worker.
    });
    const offerWaiting = (worker) =>
      offerUpdate(() => {
        if (worker.state === 'redundant') {
          location.reload();
        } else {
          updating = true;
          worker.postMessage('activate');
        }
      });
    // Only a page that already runs a cached version is offered the newer one;
    // on the first visit the page and the worker's files are the same build.
    const watch = (worker) =>
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && workers.controller) offerWaiting(worker);
      });
    if (registration.waiting && controller) offerWaiting(registration.waiting);
    // A newer version found while this page loaded, or later.
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
  };

  // Only where a browser allows workers: over http(s), and not in a frame or
  // a private window that forbids them. Failing here leaves the app as it is,
  // online only.
  if (workers && /^https?:$/.test(location.protocol)) {
    register().catch((error) => console.info(`Tandem will not work offline here: ${error}`));
  }
}
