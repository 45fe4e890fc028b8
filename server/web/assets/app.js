// eutl serve: the little JavaScript of the check page. Without it the form posts to
// POST /check and the server answers a result page; with it the same form calls the
// JSON API (POST /v1/check, POST /v1/check-site) with fetch() and shows the same
// result section (server/web/check_result.cpp) without reloading. Text is only ever
// set with textContent, never parsed as HTML.
"use strict";

(function () {
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function str(v) { return typeof v === "string" ? v : ""; }
  function obj(v) { return v && typeof v === "object" ? v : {}; }

  function verdictWord(d) {
    if (str(d.claim)) { return str(d.verdict) || "indeterminate"; }
    return str(obj(d.overall).status) || "indeterminate";
  }
  function cssClass(w) {
    if (w === "confirmed" || w === "qualified") { return "good"; }
    if (w === "refuted" || w === "not_qualified") { return "bad"; }
    return "unknown";
  }
  function headline(w) { return w === "not_qualified" ? "Not qualified" : w.charAt(0).toUpperCase() + w.slice(1); }
  var TYPES = {
    esig: "esig: electronic signatures (eIDAS Art. 3(15))",
    eseal: "eseal: electronic seals (eIDAS Art. 3(30))",
    wsa: "wsa: website authentication (eIDAS Art. 3(39))"
  };
  function tri(v) { return v === true ? "yes" : v === false ? "no" : "unknown"; }
  function code(text) { return el("code", {}, [text]); }

  function row(label, id, content) {
    return el("tr", {}, [el("th", { scope: "row" }, [label]), el("td", { id: id }, [content])]);
  }

  function serviceLine(s) {
    if (!s || typeof s !== "object") { return el("span", { "class": "na" }, ["none"]); }
    return el("span", {}, [code(str(s.id)), " " + str(s.tsp) + " — " + str(s.service_name) + " ",
      el("span", { "class": "muted" }, ["(" + str(s.territory) + " list, sequence " + String(s.list_sequence_number) + ")"])]);
  }

  function renderResult(d, evidenceId) {
    var word = verdictWord(d);
    var overall = obj(d.overall);
    var cert = obj(d.certificate);
    var claim = str(d.claim);
    var section = el("section", { id: "result", "class": "result", "aria-labelledby": "result-title" },
      [el("h2", { id: "result-title" }, ["Result"])]);
    var lead = claim ? ["Claim ", code(claim), " (" + str(d.claim_explanation) + "):"]
      : ["No claim was asked; the certificate's qualification at time T:"];
    lead.push(" " + str(overall.reason) + ".");
    section.appendChild(el("div", { "class": "verdict " + cssClass(word), id: "verdict", "data-verdict": word },
      [el("p", { "class": "v" }, [headline(word)]), el("p", {}, lead)]));
    var body = el("tbody");
    body.appendChild(row("Claim", "r-claim", claim ? code(claim) : el("span", { "class": "na" }, ["none asked"])));
    body.appendChild(row("Overall status", "r-status", str(overall.status)));
    body.appendChild(row("Certificate type", "r-type", TYPES[overall.type] || "unknown"));
    body.appendChild(row("On a QSCD", "r-qscd", tri(overall.qscd)));
    body.appendChild(row("Subject", "r-subject", str(cert.subject)));
    body.appendChild(row("Issuer", "r-issuer", str(cert.issuer)));
    body.appendChild(row("SHA-256", "r-sha256", code(str(cert.sha256))));
    body.appendChild(row("Service", "r-service", serviceLine(overall.service)));
    body.appendChild(row("Time T", "r-time", str(overall.time)));
    section.appendChild(el("table", { "class": "facts" }, [body]));
    section.appendChild(el("h3", {}, ["Reasons"]));
    var reasons = el("ul", { "class": "reasons", id: "reasons" });
    [["at_issuance", "At issuance"], ["at_time", "At time T"]].forEach(function (p) {
      var at = obj(d[p[0]]);
      reasons.appendChild(el("li", {}, [el("strong", {}, [p[1]]),
        " (" + str(at.time) + "): " + str(at.status) + " — " + str(at.reason)]));
    });
    if (str(d.failing_part)) {
      reasons.appendChild(el("li", {}, [el("strong", {}, ["What fails the claim:"]), " " + d.failing_part]));
    }
    (Array.isArray(d.warnings) ? d.warnings : []).forEach(function (w) {
      reasons.appendChild(el("li", { "class": "warning" },
        [el("strong", {}, ["Warning:"]), " " + (typeof w === "string" ? w : JSON.stringify(w))]));
    });
    section.appendChild(reasons);
    var trace = Array.isArray(d.trace) ? d.trace : [];
    if (trace.length) {
      var tbody = el("tbody");
      trace.forEach(function (t) {
        t = obj(t);
        tbody.appendChild(el("tr", {}, [el("td", {}, [code(str(t.rule))]), el("td", {}, [str(t.clause)]),
          el("td", {}, [str(t.subject)]), el("td", { "class": str(t.outcome) }, [str(t.outcome)]),
          el("td", {}, [str(t.detail)])]));
      });
      var head = el("tr", {}, ["Rule", "Clause", "Subject", "Outcome", "Detail"].map(function (h) {
        return el("th", { scope: "col" }, [h]);
      }));
      section.appendChild(el("details", { "class": "trace" }, [
        el("summary", {}, ["Rule trace (" + trace.length + " rules)"]),
        el("table", {}, [el("thead", {}, [head]), tbody])]));
    }
    if (evidenceId) {
      var id = encodeURIComponent(evidenceId);
      section.appendChild(el("p", { "class": "links" }, [
        el("a", { id: "report-link", href: "/v1/evidence/" + id + "/report" }, ["Open the evidence report"]), " ",
        el("a", { id: "record-link", href: "/v1/evidence/" + id, download: "eutl-evidence-" + evidenceId.slice(0, 16) + ".json" },
          ["Download the evidence record (JSON)"])]));
    }
    return section;
  }

  function renderError(title, message) {
    return el("div", { "class": "error", id: "error", role: "alert" }, [el("h2", {}, [title]), el("p", {}, [message])]);
  }

  // DER bytes as PEM (RFC 7468 §5), for a DER file chosen in the file input.
  function derToPem(bytes) {
    var bin = "";
    for (var i = 0; i < bytes.length; i++) { bin += String.fromCharCode(bytes[i]); }
    var b64 = btoa(bin).replace(/(.{64})/g, "$1\n");
    return "-----BEGIN CERTIFICATE-----\n" + b64.replace(/\n$/, "") + "\n-----END CERTIFICATE-----\n";
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        var bytes = new Uint8Array(reader.result);
        var text = new TextDecoder("utf-8").decode(bytes);
        resolve(text.indexOf("-----BEGIN") >= 0 ? text : derToPem(bytes));
      };
      reader.onerror = function () { reject(new Error("the file could not be read")); };
      reader.readAsArrayBuffer(file);
    });
  }

  // The API's answer: the decision (as `check --json`) and the evidence record's ID,
  // either beside the decision's keys or wrapping it.
  function decisionOf(data) {
    data = obj(data);
    var d = data.decision && typeof data.decision === "object" ? data.decision : data;
    var id = str(data.evidence_id) || str(obj(data.evidence).id) || str(d.evidence_id);
    return { decision: d, evidenceId: id };
  }

  function post(url, payload) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = JSON.parse(text); } catch (e) { data = null; }
        if (!response.ok) {
          var err = obj(obj(data).error);
          throw new Error(str(err.message) || ("the service answered " + response.status));
        }
        if (data === null) { throw new Error("the service's answer is not JSON"); }
        return data;
      });
    });
  }

  function run(area, progress, buttons, what, promise) {
    buttons.forEach(function (b) { b.disabled = true; });
    progress.textContent = what;
    area.replaceChildren();
    return promise.then(function (data) {
      var r = decisionOf(data);
      area.appendChild(renderResult(r.decision, r.evidenceId));
      progress.textContent = "Done: " + headline(verdictWord(r.decision)) + ".";
    }).catch(function (e) {
      area.appendChild(renderError("The check could not run", e.message));
      progress.textContent = "";
    }).then(function () {
      buttons.forEach(function (b) { b.disabled = false; });
      var heading = area.querySelector("h2");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    });
  }

  function trimmed(id) {
    var node = document.getElementById(id);
    return node ? node.value.trim() : "";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("check-form");
    var site = document.getElementById("site-form");
    var area = document.getElementById("result-area");
    var progress = document.getElementById("progress");
    if (!form || !site || !area || !progress) { return; }
    var buttons = [document.getElementById("check-button"), document.getElementById("site-button")];
    site.hidden = false;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var pasted = trimmed("certificate");
      var file = document.getElementById("file").files[0];
      var source;
      if (pasted && file) {
        source = Promise.reject(new Error("give the certificate once: either paste it or choose a file, not both"));
      } else if (file) {
        source = readFile(file);
      } else if (pasted) {
        source = Promise.resolve(pasted);
      } else {
        source = Promise.reject(new Error("no certificate: paste one (PEM) or choose a file (PEM or DER)"));
      }
      run(area, progress, buttons, "Checking the certificate…", source.then(function (pem) {
        var payload = { certificate: pem };
        if (trimmed("claim")) { payload.claim = trimmed("claim"); }
        if (trimmed("at")) { payload.at = trimmed("at"); }
        return post("/v1/check", payload);
      }));
    });

    site.addEventListener("submit", function (event) {
      event.preventDefault();
      var host = trimmed("host");
      var payload = { host: host };
      var withPort = /^([^:\[\]]+):(\d{1,5})$/.exec(host);  // "name:8443"; IPv6 literals are left whole
      if (withPort) { payload = { host: withPort[1], port: Number(withPort[2]) }; }
      if (trimmed("claim")) { payload.claim = trimmed("claim"); }
      run(area, progress, buttons, "Connecting to " + host + "…",
        host ? post("/v1/check-site", payload) : Promise.reject(new Error("type a host name first")));
    });
  });
})();
