// Registers FirstLine's service worker (sw.js, generated at build time by
// `cargo xtask pwa`) and tells the user when a new version is ready.
//
// Plain JavaScript, kept out of the wasm: the app itself knows nothing of
// the worker, and a browser without service workers simply skips all this.
// Nothing here reads or writes localStorage, where progress lives; updating
// only swaps the app's files.
(function () {
  'use strict';

  if (!('serviceWorker' in navigator)) {
    return;
  }

  // Relative to the document's base URL, so the site also works when
  // published under a sub-path (trunk's --public-url).
  var workerUrl = new URL('sw.js', document.baseURI).href;
  var scope = new URL('./', document.baseURI).href;

  // Check for a new version when the user comes back to the tab, at most
  // this often; browsers also check on every page load.
  var UPDATE_CHECK_MS = 60 * 60 * 1000;

  var notice = null;

  function register() {
    navigator.serviceWorker
      .register(workerUrl, { scope: scope })
      .then(function (registration) {
        // Some environments (test browsers that block workers) resolve
        // without a registration.
        if (!registration) {
          return;
        }
        // A version installed earlier but not yet in use (the notice was
        // dismissed, or the tab was reopened): offer it again.
        if (registration.waiting && navigator.serviceWorker.controller) {
          showNotice(registration);
        }
        registration.addEventListener('updatefound', function () {
          var worker = registration.installing;
          if (!worker) {
            return;
          }
          worker.addEventListener('statechange', function () {
            // "installed" with a controller means an older version runs this
            // page and the new one waits. Without a controller this is the
            // first install: the app is simply ready offline, nothing to say.
            if (worker.state === 'installed' && navigator.serviceWorker.controller) {
              showNotice(registration);
            }
          });
        });
        var lastCheck = Date.now();
        document.addEventListener('visibilitychange', function () {
          if (document.visibilityState === 'visible' && Date.now() - lastCheck > UPDATE_CHECK_MS) {
            lastCheck = Date.now();
            // Offline, the check fails; the current version keeps working.
            registration.update().catch(function () {});
          }
        });
      })
      .catch(function (error) {
        // The app works without the worker, only not offline.
        console.warn('FirstLine: offline support is unavailable:', error);
      });
  }

  // The update notice: a polite status message and two buttons, placed last
  // in the page (after the footer in the tab order) and kept in view at the
  // bottom of the window. Focus is never moved to it: the user may be in the
  // middle of an answer.
  function showNotice(registration) {
    if (notice) {
      return;
    }
    notice = document.createElement('aside');
    notice.className = 'fl-update';
    notice.setAttribute('aria-label', 'Update');

    var status = document.createElement('p');
    status.setAttribute('role', 'status');
    notice.appendChild(status);

    var actions = document.createElement('div');
    actions.className = 'fl-update-actions';
    var reload = button('Reload to update', 'fl-update-reload');
    var later = button('Not now', 'fl-update-later');
    actions.appendChild(reload);
    actions.appendChild(later);
    notice.appendChild(actions);

    reload.addEventListener('click', function () {
      var waiting = registration.waiting;
      if (!waiting) {
        // Already active (another tab applied it): a reload picks it up.
        window.location.reload();
        return;
      }
      reload.disabled = true;
      reload.textContent = 'Updating\u2026';
      // Reload once, when the new version has taken over this page.
      navigator.serviceWorker.addEventListener(
        'controllerchange',
        function () {
          window.location.reload();
        },
        { once: true },
      );
      waiting.postMessage({ type: 'skip-waiting' });
    });
    later.addEventListener('click', function () {
      hideNotice();
    });

    document.body.appendChild(notice);
    // Keep focused elements from hiding behind the notice when the page
    // scrolls them into view (WCAG 2.4.11).
    document.documentElement.style.scrollPaddingBottom = notice.offsetHeight + 16 + 'px';
    // A live region announces text added after it is in the page, so the
    // message goes in on the next frame.
    window.requestAnimationFrame(function () {
      status.textContent = 'A new version of FirstLine is ready.';
    });
  }

  function hideNotice() {
    if (notice) {
      notice.remove();
      notice = null;
      document.documentElement.style.scrollPaddingBottom = '';
    }
  }

  function button(label, className) {
    var element = document.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = label;
    return element;
  }

  // After the page has loaded, so registering and precaching never compete
  // with the first paint or the app's own downloads.
  if (document.readyState === 'complete') {
    register();
  } else {
    window.addEventListener('load', register, { once: true });
  }
})();
