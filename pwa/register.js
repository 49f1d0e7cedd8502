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
    addStyle();
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

  // The notice's few rules live here rather than in style/, so the page
  // downloads nothing extra until there is something to show. The colours
  // are the app's light and dark tokens (style/main.css), which meet WCAG AA.
  function addStyle() {
    if (document.getElementById('fl-update-style')) {
      return;
    }
    var style = document.createElement('style');
    style.id = 'fl-update-style';
    style.textContent = [
      '.fl-update { box-sizing: border-box; position: sticky; bottom: 0; z-index: 20;',
      '  width: 100%; max-width: 46rem; margin: 0 auto; padding: 0.75rem 1rem;',
      '  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem;',
      '  background: #ffffff; color: #1a1d23; border: 2px solid #1f5fbf; border-bottom: 0;',
      '  border-radius: 8px 8px 0 0; box-shadow: 0 -2px 10px rgba(0, 0, 0, 0.2); }',
      '.fl-update p { margin: 0; flex: 1 1 12rem; font-weight: 600; }',
      '.fl-update-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }',
      '.fl-update button { font: inherit; min-height: 44px; padding: 0.5rem 0.9rem; cursor: pointer;',
      '  border-radius: 8px; border: 2px solid #1f5fbf; }',
      '.fl-update .fl-update-reload { background: #1f5fbf; color: #ffffff; }',
      '.fl-update .fl-update-reload:hover { background: #174a96; border-color: #174a96; }',
      '.fl-update .fl-update-later { background: #ffffff; color: #1f5fbf; }',
      '.fl-update button:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }',
      '.fl-update button:disabled { cursor: progress; }',
      '@media (prefers-color-scheme: dark) {',
      '  .fl-update { background: #1d2128; color: #e8eaed; border-color: #8ab4ff; }',
      '  .fl-update button { border-color: #8ab4ff; }',
      '  .fl-update .fl-update-reload { background: #8ab4ff; color: #0d1117; }',
      '  .fl-update .fl-update-reload:hover { background: #a9c8ff; border-color: #a9c8ff; }',
      '  .fl-update .fl-update-later { background: #1d2128; color: #8ab4ff; }',
      '  .fl-update button:focus-visible { outline-color: #ffb86b; }',
      '}',
      '@media print { .fl-update { display: none; } }',
    ].join('\n');
    document.head.appendChild(style);
  }

  // After the page has loaded, so registering and precaching never compete
  // with the first paint or the app's own downloads.
  if (document.readyState === 'complete') {
    register();
  } else {
    window.addEventListener('load', register, { once: true });
  }
})();
