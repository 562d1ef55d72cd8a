// "What changes your pain?": narrows the list of causes to those whose recorded positional
// behaviour fits the answers, best fit first. Answers are kept in the URL (?lying_flat=yes).
// A cause is left out when a recorded effect contradicts an answer; `varies` and `unknown`
// neither fit nor contradict.
(function () {
  'use strict';
  var form = document.getElementById('navigator');
  var list = document.getElementById('navigator-results');
  var status = document.getElementById('navigator-status');
  if (!form || !list || !status) return;
  var items = Array.prototype.slice.call(list.children);
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-situation]'));
  var DEFINITE = { worse: true, better: true, no_change: true };

  function answers() {
    return fieldsets.map(function (fs) {
      var checked = fs.querySelector('input:checked');
      return { situation: fs.dataset.situation, yesMeans: fs.dataset.yesMeans, answer: checked ? checked.value : '' };
    }).filter(function (a) { return a.answer === 'yes' || a.answer === 'no'; });
  }

  // Number of answers the cause fits, or -1 if it contradicts one.
  function score(item, given) {
    var fits = 0;
    for (var i = 0; i < given.length; i += 1) {
      var effect = item.getAttribute('data-' + given[i].situation);
      if (!DEFINITE[effect]) continue;
      if ((effect === given[i].yesMeans) === (given[i].answer === 'yes')) fits += 1;
      else return -1;
    }
    return fits;
  }

  function update() {
    var given = answers();
    var scored = items.map(function (item) { return { item: item, score: score(item, given) }; });
    scored.sort(function (a, b) {
      return b.score - a.score || a.item.dataset.title.localeCompare(b.item.dataset.title);
    });
    var shown = 0;
    scored.forEach(function (s) {
      var fits = s.score >= 0;
      s.item.hidden = !fits;
      s.item.querySelector('.match').textContent =
        given.length && fits ? '(fits ' + s.score + ' of ' + given.length + ' answers)' : '';
      list.appendChild(s.item);
      if (fits) shown += 1;
    });
    if (given.length === 0) {
      status.textContent = 'Answer one or more questions to narrow the list. All ' + items.length + ' causes are shown.';
    } else if (shown === 0) {
      status.textContent = 'No cause on this site fits all your answers. That does not mean nothing is wrong: see a doctor if you are worried.';
    } else {
      status.textContent = shown + ' of ' + items.length + ' causes fit your answers, best fit first. This is not a diagnosis.';
    }
    var params = new URLSearchParams();
    given.forEach(function (a) { params.set(a.situation, a.answer); });
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash);
  }

  var params = new URLSearchParams(window.location.search);
  fieldsets.forEach(function (fs) {
    var wanted = params.get(fs.dataset.situation);
    var input = fs.querySelector('input[value="' + (wanted === 'yes' || wanted === 'no' ? wanted : '') + '"]');
    if (input) input.checked = true;
  });
  form.addEventListener('change', update);
  form.addEventListener('reset', function () { window.setTimeout(update, 0); });
  update();
})();
