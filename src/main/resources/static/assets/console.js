// Live countdowns: every element with data-deadline (ISO instant) shows the time left, updated each second.
(function () {
  var meta = document.querySelector('meta[name=server-now]');
  var offset = meta ? Date.parse(meta.getAttribute('content')) - Date.now() : 0;
  function render(el) {
    var left = Date.parse(el.getAttribute('data-deadline')) - (Date.now() + offset);
    var over = left < 0;
    var s = Math.floor(Math.abs(left) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
    var text = (d > 0 ? d + '天' : '') + h + '小时' + m + '分' + (d > 0 ? '' : sec + '秒');
    el.textContent = over ? '已超时 ' + text : '剩余 ' + text;
    el.classList.toggle('overdue', over);
  }
  function tick() {
    document.querySelectorAll('[data-deadline]').forEach(render);
  }
  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
  });
  document.addEventListener('htmx:afterSwap', tick);
})();
