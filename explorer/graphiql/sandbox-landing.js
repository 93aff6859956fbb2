// The page at GET /graphql in a browser (src/server/landing-page.plugin.ts): loads Apollo Sandbox
// from Apollo's CDN and embeds it; when that script cannot load (offline, blocked) or takes longer
// than the page allows, goes to the bundled GraphiQL instead. A served file, not inline script, so
// the page's Content-Security-Policy can be `script-src 'self'` plus the CDN; its settings come
// from this script tag's data- attributes.
(function () {
  var tag = document.currentScript;
  var fallback = tag.dataset.fallback;
  var config = JSON.parse(tag.dataset.config);
  var settled = false;
  function toGraphiQL() {
    if (settled) return;
    settled = true;
    window.location.replace(fallback);
  }
  var timer = setTimeout(toGraphiQL, Number(tag.dataset.timeoutMs));
  var script = document.createElement('script');
  script.src = tag.dataset.sandbox;
  script.onerror = function () {
    clearTimeout(timer);
    toGraphiQL();
  };
  script.onload = function () {
    clearTimeout(timer);
    if (settled) return;
    if (typeof window.EmbeddedSandbox !== 'function') return toGraphiQL();
    try {
      config.initialEndpoint = window.location.href;
      new window.EmbeddedSandbox(config);
      settled = true;
    } catch (error) {
      toGraphiQL();
    }
  };
  document.head.appendChild(script);
})();
