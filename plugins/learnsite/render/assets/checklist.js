/* Indicator checklists in the browser: the same rule data and the same definitions as
 * learnsite/screening.py (see its docstring). Answers live only in the page's form: nothing is
 * sent, and nothing is written to cookies, localStorage, sessionStorage or IndexedDB. */
(function () {
  "use strict";

  function answerOf(answers, id) {
    return answers[id] || "unknown";
  }

  /* present when it or any sign is yes; absent when it is no or every sign is no. */
  function indicatorState(indicator, answers) {
    var own = answerOf(answers, indicator.id);
    var signs = indicator.signs.map(function (sign) { return answerOf(answers, sign.id); });
    if (own === "yes" || signs.indexOf("yes") !== -1) { return "present"; }
    if (own === "no" || signs.every(function (a) { return a === "no"; })) { return "absent"; }
    return "unknown";
  }

  function evaluate(condition, facts) {
    var key = Object.keys(condition)[0];
    var value = condition[key];
    switch (key) {
      case "all": return value.every(function (c) { return evaluate(c, facts); });
      case "any": return value.some(function (c) { return evaluate(c, facts); });
      case "not": return !evaluate(value, facts);
      case "present": return facts.elements.indexOf(value) !== -1;
      case "indicator": return facts.present.indexOf(value) !== -1;
      case "answer": return (facts.questions[value.question] || "unknown") === value.is;
      case "unknown": return facts.unknown === value;
      case "some-present": return (facts.present.length > 0) === value;
    }
    throw new Error("unknown condition " + key);
  }

  function screen(checklist, answers) {
    var present = [], unknown = [], elements = [], questions = {};
    checklist.indicators.forEach(function (indicator) {
      var state = indicatorState(indicator, answers);
      if (state === "present") {
        present.push(indicator.id);
        if (elements.indexOf(indicator.element) === -1) { elements.push(indicator.element); }
      } else if (state === "unknown") {
        unknown.push(indicator.id);
      }
    });
    var questionUnknown = false;
    (checklist.questions || []).forEach(function (question) {
      questions[question.id] = answerOf(answers, question.id);
      if (questions[question.id] === "unknown") { questionUnknown = true; }
    });
    var facts = {elements: elements, present: present, questions: questions,
                 unknown: unknown.length > 0 || questionUnknown};
    var outcome = checklist.outcomes.filter(function (o) {
      return !o.when || evaluate(o.when, facts);
    })[0];
    return {outcome: outcome, present: present, unknown: unknown};
  }

  function readAnswers(form) {
    var answers = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (input) {
      answers[input.name] = input.value;
    });
    return answers;
  }

  function show(widget, checklist) {
    var form = widget.querySelector(".ls-checklist");
    var box = widget.querySelector(".ls-outcome");
    var answers = readAnswers(form);
    var result = screen(checklist, answers);
    var titles = {};
    checklist.indicators.forEach(function (i) { titles[i.id] = i.title; });
    box.dataset.tone = result.outcome.tone;
    box.dataset.outcome = result.outcome.id;
    box.querySelector(".ls-outcome-title").textContent = result.outcome.title;
    box.querySelector(".ls-outcome-advice").textContent = result.outcome.advice;
    box.querySelector(".ls-outcome-counts").textContent = result.present.length
      ? box.dataset.presentLabel + " " + result.present.map(function (id) { return titles[id]; }).join(", ")
      : "";
    box.querySelector(".ls-contacts").hidden = !result.outcome.refer;
    widget.querySelectorAll(".ls-indicator[data-indicator]").forEach(function (heading) {
      heading.classList.toggle("ls-present", result.present.indexOf(heading.dataset.indicator) !== -1);
    });
    var bar = widget.querySelector(".ls-outcome-bar");
    bar.dataset.tone = result.outcome.tone;
    bar.querySelector("a").textContent = result.outcome.title;
    return {answers: answers, result: result};
  }

  function download(checklist, state) {
    var payload = {
      checklist: checklist.id,
      outcome: state.result.outcome.id,
      present: state.result.present,
      unknown: state.result.unknown,
      answers: state.answers
    };
    var blob = new Blob([JSON.stringify(payload, null, 2) + "\n"], {type: "application/json"});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = checklist.id + "-answers.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  }

  function init(widget) {
    var form = widget.querySelector(".ls-checklist");
    var checklist = JSON.parse(widget.querySelector(".ls-checklist-data").textContent);
    var bar = document.createElement("div");
    bar.className = "ls-outcome-bar";
    var link = document.createElement("a");
    link.href = "#" + widget.dataset.result;
    bar.appendChild(link);
    form.after(bar);
    form.reset();  /* never start from answers a browser restored from an earlier visit */
    form.addEventListener("change", function () { show(widget, checklist); });
    widget.querySelectorAll(".ls-tools [data-action]").forEach(function (button) {
      button.addEventListener("click", function () {
        var action = button.dataset.action;
        if (action === "print") { window.print(); }
        if (action === "clear") { form.reset(); show(widget, checklist); }
        if (action === "export") { download(checklist, show(widget, checklist)); }
      });
    });
    show(widget, checklist);
  }

  function initAll() {
    document.querySelectorAll(".ls-widget").forEach(init);
  }

  window.learnsiteScreen = screen;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
