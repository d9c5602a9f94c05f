// The public pages' only script, and none of them needs it: it remembers the 大字 (large text) choice.
(function () {
  var root = document.documentElement;
  try { if (localStorage.getItem('large-text') === '1') root.classList.add('large'); } catch (e) { /* private mode */ }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('large-text');
    if (!button) return;
    button.hidden = false;
    var sync = function () { button.setAttribute('aria-pressed', root.classList.contains('large') ? 'true' : 'false'); };
    sync();
    button.addEventListener('click', function () {
      root.classList.toggle('large');
      try { localStorage.setItem('large-text', root.classList.contains('large') ? '1' : '0'); } catch (e) { /* ignore */ }
      sync();
    });
  });
})();
