// mockinge Konsole: what must happen without a reload. Everything else is
// plain HTML forms answered by the server.
"use strict";

// The live journal: new exchanges arrive as server-sent events, each a
// rendered table row, and go on top.
function liveJournal() {
  const table = document.getElementById("journal");
  if (!table || !table.dataset.live || !window.EventSource) return;
  const rows = document.getElementById("journal-zeilen");
  const status = document.getElementById("live-neu");
  let count = 0;
  const es = new EventSource(table.dataset.live);
  es.addEventListener("eintrag", (ev) => {
    const empty = rows.querySelector("tr.leer");
    if (empty) empty.remove();
    const t = document.createElement("template");
    t.innerHTML = ev.data.trim();
    const row = t.content.firstElementChild;
    if (!row || document.getElementById(row.id)) return;
    row.classList.add("neu");
    rows.prepend(row);
    count++;
    status.textContent = count === 1 ? "1 neue Anfrage." : count + " neue Anfragen.";
  });
  es.addEventListener("error", () => {
    document.getElementById("live-status").textContent = "Live: Verbindung unterbrochen, neuer Versuch …";
  });
  es.addEventListener("open", () => {
    document.getElementById("live-status").textContent = "Live: neue Anfragen erscheinen ohne Neuladen.";
  });
}

// The acceptance page: every few seconds the cases' verdicts as the
// judgement of the journal has them; a new next case reloads the page with
// its instructions.
function abnahmeStand() {
  const live = document.getElementById("abnahme-live");
  if (!live || !window.fetch) return;
  const aktuell = document.getElementById("aktuell");
  const shown = aktuell ? aktuell.dataset.fall : "";
  const tick = async () => {
    try {
      const r = await fetch(live.dataset.stand, { headers: { Accept: "application/json" } });
      if (!r.ok) return;
      const stand = await r.json();
      for (const f of stand.faelle) {
        const cell = document.querySelector("#fall-" + CSS.escape(f.id) + " .urteil");
        if (cell && cell.textContent !== f.urteil) {
          cell.textContent = f.urteil;
          cell.className = "urteil u-" + f.klasse;
        }
      }
      if (stand.aktuell !== shown) location.reload();
    } catch (e) {
      live.textContent = "Der Stand der Abnahme ließ sich nicht abrufen; neuer Versuch …";
    }
  };
  setInterval(tick, 2000);
}

// The person picker: a person of the Testdatenpaket fills the fields of
// the group it is chosen in, by their path below the group.
function personenwahl() {
  const data = document.getElementById("personen");
  if (!data) return;
  const personen = JSON.parse(data.textContent || "[]") || [];
  const form = document.getElementById("webmaske");
  for (const select of document.querySelectorAll("select.person")) {
    personen.forEach((p, i) => select.add(new Option(p.label, String(i))));
    select.addEventListener("change", () => {
      const p = personen[Number(select.value)];
      if (!p) return;
      const prefix = select.dataset.pfad + "/";
      for (const el of form.elements) {
        if (!el.name || !el.name.startsWith(prefix)) continue;
        const rest = el.name.slice(prefix.length).replace(/^Ident\//, "");
        if (rest in p.werte) el.value = p.werte[rest];
      }
    });
  }
}

// Copying XML: the text of the element the button names.
function kopieren() {
  for (const b of document.querySelectorAll("[data-kopieren]")) {
    b.addEventListener("click", async () => {
      const el = document.getElementById(b.dataset.kopieren);
      try {
        await navigator.clipboard.writeText(el.textContent);
        b.textContent = "Kopiert";
      } catch (e) {
        const r = document.createRange();
        r.selectNodeContents(el);
        const s = window.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        b.textContent = "Markiert: Strg+C kopiert";
      }
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  liveJournal();
  abnahmeStand();
  personenwahl();
  kopieren();
});
