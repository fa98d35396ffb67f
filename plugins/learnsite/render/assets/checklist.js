/* Indicator checklists in the browser: the same rule data and the same definitions as
 * learnsite/screening.py (see its docstring). Answers live only in the page's form: nothing is
 * sent, and nothing is written to cookies, localStorage, sessionStorage or IndexedDB. */
(function () {
  "use strict";

  function answerOf(answers, id) {
    return answers[id] || "unknown";
  }

  /* the element a sign shows; null for context signs, which show none */
  function elementOf(indicator, sign) {
    return sign.kind === "context" ? null : (sign.element || indicator.element);
  }

  function countedSigns(indicator) {
    return indicator.signs.filter(function (sign) { return sign.kind !== "context"; });
  }

  /* the elements an indicator's counted signs show, its own first */
  function countedElements(indicator) {
    var elements = [indicator.element];
    countedSigns(indicator).forEach(function (sign) {
      var element = elementOf(indicator, sign);
      if (elements.indexOf(element) === -1) { elements.push(element); }
    });
    return elements;
  }

  /* present when it or a counted sign is yes; absent when it is no or every counted sign is no */
  function indicatorState(indicator, answers) {
    var own = answerOf(answers, indicator.id);
    var signs = countedSigns(indicator).map(function (sign) { return answerOf(answers, sign.id); });
    if (own === "yes" || signs.indexOf("yes") !== -1) { return "present"; }
    if (own === "no" || signs.every(function (a) { return a === "no"; })) { return "absent"; }
    return "unknown";
  }

  /* for each element, the facts showing it, in checklist order */
  function factsShown(checklist, answers) {
    var shown = {};
    function add(element, fact) { (shown[element] = shown[element] || []).push(fact); }
    checklist.indicators.forEach(function (indicator) {
      if (answers[indicator.id] === "yes") {
        countedElements(indicator).forEach(function (e) { add(e, indicator.id); });
      }
      indicator.signs.forEach(function (sign) {
        var element = elementOf(indicator, sign);
        if (element !== null && answers[sign.id] === "yes") { add(element, sign.id); }
      });
    });
    var ordered = {};
    checklist.elements.forEach(function (e) { if (shown[e.id]) { ordered[e.id] = shown[e.id]; } });
    return ordered;
  }

  /* a different fact for each element (a small matching), or null */
  function distinctFacts(elements, shown) {
    var holder = {};
    function give(element, tried) {
      var facts = shown[element] || [];
      for (var i = 0; i < facts.length; i++) {
        var fact = facts[i];
        if (tried[fact]) { continue; }
        tried[fact] = true;
        if (!(fact in holder) || give(holder[fact], tried)) {
          holder[fact] = element;
          return true;
        }
      }
      return false;
    }
    for (var i = 0; i < elements.length; i++) {
      if (!give(elements[i], {})) { return null; }
    }
    return holder;
  }

  function evaluate(condition, facts) {
    var key = Object.keys(condition)[0];
    var value = condition[key];
    switch (key) {
      case "all": return value.every(function (c) { return evaluate(c, facts); });
      case "any": return value.some(function (c) { return evaluate(c, facts); });
      case "not": return !evaluate(value, facts);
      case "present": return (facts.shown[value] || []).length > 0;
      case "distinct": return distinctFacts(value, facts.shown) !== null;
      case "indicator": return facts.present.indexOf(value) !== -1;
      case "answer": return (facts.questions[value.question] || "unknown") === value.is;
      case "unknown": return facts.unknown === value;
      case "some-present": return (facts.present.length > 0) === value;
    }
    throw new Error("unknown condition " + key);
  }

  function screen(checklist, answers) {
    var present = [], unknown = [], questions = {}, context = [];
    checklist.indicators.forEach(function (indicator) {
      var state = indicatorState(indicator, answers);
      if (state === "present") { present.push(indicator.id); }
      if (state === "unknown") { unknown.push(indicator.id); }
      indicator.signs.forEach(function (sign) {
        if (sign.kind === "context" && answers[sign.id] === "yes") { context.push(sign.id); }
      });
    });
    var questionUnknown = false;
    (checklist.questions || []).forEach(function (question) {
      questions[question.id] = answerOf(answers, question.id);
      if (questions[question.id] === "unknown") { questionUnknown = true; }
    });
    var shown = factsShown(checklist, answers);
    var facts = {shown: shown, present: present, questions: questions,
                 unknown: unknown.length > 0 || questionUnknown};
    var outcome = checklist.outcomes.filter(function (o) {
      return !o.when || evaluate(o.when, facts);
    })[0];
    return {outcome: outcome, present: present, unknown: unknown, because: shown,
            context: context, questions: questions};
  }

  /* what each id reads as: a sign's finding, an indicator's title, an element's title */
  function wording(checklist) {
    var words = {};
    checklist.elements.forEach(function (e) { words[e.id] = e.title; });
    checklist.indicators.forEach(function (indicator) {
      words[indicator.id] = indicator.title;
      indicator.signs.forEach(function (sign) { words[sign.id] = sign.text; });
    });
    (checklist.questions || []).forEach(function (q) { words[q.id] = q.text; });
    return words;
  }

  function item(strong, text) {
    var li = document.createElement("li");
    var label = document.createElement("strong");
    label.textContent = strong;
    li.appendChild(label);
    li.appendChild(document.createTextNode(" " + text));
    return li;
  }

  /* "Why this result": the facts behind each element, the questions, the context */
  function explain(box, checklist, result) {
    var words = wording(checklist);
    var list = box.querySelector(".ls-why-list");
    var labels = box.querySelector(".ls-why").dataset;
    list.textContent = "";
    Object.keys(result.because).forEach(function (element) {
      var facts = result.because[element];
      var li = item(words[element] + ":", facts.map(function (id) { return words[id]; }).join(" · "));
      li.dataset.element = element;
      li.dataset.facts = facts.join(" ");
      list.appendChild(li);
    });
    Object.keys(result.questions).forEach(function (question) {
      var li = item(words[question], labels[result.questions[question]]);
      li.dataset.question = question;
      li.dataset.answer = result.questions[question];
      list.appendChild(li);
    });
    if (!list.children.length) {
      var none = document.createElement("li");
      none.textContent = labels.empty;
      list.appendChild(none);
    }
    var context = box.querySelector(".ls-why-context");
    context.hidden = result.context.length === 0;
    context.dataset.facts = result.context.join(" ");
    context.querySelector(".ls-why-context-list").textContent =
      result.context.map(function (id) { return words[id]; }).join(" · ");
  }

  function show(widget, checklist) {
    var form = widget.querySelector(".ls-checklist");
    var box = widget.querySelector(".ls-outcome");
    var answers = readAnswers(form);
    var result = screen(checklist, answers);
    var words = wording(checklist);
    box.dataset.tone = result.outcome.tone;
    box.dataset.outcome = result.outcome.id;
    box.querySelector(".ls-outcome-title").textContent = result.outcome.title;
    box.querySelector(".ls-outcome-advice").textContent = result.outcome.advice;
    box.querySelector(".ls-outcome-counts").textContent = result.present.length
      ? box.dataset.presentLabel + " " + result.present.map(function (id) { return words[id]; }).join(", ")
      : "";
    box.querySelector(".ls-contacts").hidden = !result.outcome.refer;
    explain(box, checklist, result);
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
      because: state.result.because,
      context: state.result.context,
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

  function readAnswers(form) {
    var answers = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (input) {
      answers[input.name] = input.value;
    });
    return answers;
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
