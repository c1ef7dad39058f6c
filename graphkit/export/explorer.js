// graphkit explorer: draws the graph in #graph-data with vis-network.
// Article text reaches the page only through textContent and DOM properties, never innerHTML.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("graph-data").textContent);
  // The statements of every edge (most of the file) come after this script, so the graph is drawn
  // before the browser has read them; they are parsed when first needed (a click, or a filter on
  // modality or period) once the document is complete. Until then an edge stands for one statement.
  let evidenceLoaded = false;
  let evidenceWanted = false;
  data.edges.forEach((edge) => { edge.evidence = []; });

  function loadEvidence() {
    if (evidenceLoaded) return true;
    if (document.readyState === "loading") {
      evidenceWanted = true;
      return false;
    }
    evidenceLoaded = true;
    const lists = JSON.parse(document.getElementById("evidence-data").textContent);
    data.edges.forEach((edge, i) => { edge.evidence = lists[i]; });
    return true;
  }
  const nodeById = new Map(data.nodes.map((node) => [node.id, node]));
  const edgeById = new Map(data.edges.map((edge) => [edge.id, edge]));
  const relationOn = new Map(data.relations.map((relation) => [relation.name, true]));
  const typeOn = new Map(data.types.map((type) => [type.name, true]));
  const modalityOn = new Map(data.modalities.map((name) => [name, true]));
  const dates = data.dates;
  const period = { from: 0, to: Math.max(dates.length - 1, 0) };
  const DIMMED = 0.15;
  const TEXT = "#222222";
  const EDGE_TEXT = "#333333";
  const DIMMED_TEXT = "#c8c8c8";
  const SVG = "http://www.w3.org/2000/svg";
  const FIT_MARGIN = 0.9;
  const ARROWS_UP_TO = 2000;  // edges; above this, arrows only on the selected actor's edges
  const LABEL_FONT = 12;  // px on screen, whatever the zoom
  const LABEL_LIMIT = 250;  // labels drawn at most, best-connected actors first
  const LABEL_CANDIDATES = 3000;  // actors tried, by rank; hover or select any other to see its label
  const EDGE_LABELS_UP_TO = 60;  // shown relations up to which every edge carries its relation's name
  let showNegated = false;
  let showUnrelated = false;
  let focusedNode = null;  // highlighted (selected) actor
  let focus = null;  // {node, depth}: only the actor's neighbourhood is shown
  let hoveredNode = null;
  let shownNodes = new Set();
  let shownEdges = new Set();
  const byRank = data.nodes.slice().sort((a, b) => a.rank - b.rank);
  const unrelatedCount = data.nodes.filter((node) => node.degree === 0).length;

  // ---- small DOM helpers: every string goes in as text ----
  function el(tag, text, className) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
    return element;
  }

  // vis-network sets a string title as text (innerText), never as markup.
  function tooltip(lines) {
    return lines.filter((line) => line).join("\n");
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function link(url, text) {
    const href = safeUrl(url);
    if (!href) return el("span", text);
    const anchor = el("a", text);
    anchor.href = href;
    anchor.target = "_blank";
    anchor.rel = "noopener noreferrer";
    return anchor;
  }

  function facts(pairs) {
    const list = el("dl", null, "facts");
    pairs.filter((pair) => pair[1] !== null && pair[1] !== undefined && pair[1] !== "").forEach(([name, value]) => {
      list.appendChild(el("dt", name));
      const dd = el("dd");
      dd.appendChild(value instanceof Node ? value : document.createTextNode(String(value)));
      list.appendChild(dd);
    });
    return list;
  }

  function words(name) {
    return name ? String(name).replace(/_/g, " ") : "";
  }

  // ---- vis items ----
  function nodeItem(node) {
    return {
      id: node.id,
      x: node.x,
      y: node.y,
      shape: node.shape,
      color: node.color,
      value: Math.max(data.size_by === "degree" ? node.degree : node.mentions, 1),
      opacity: 1,
    };
  }

  function nodeTitle(node) {
    return tooltip([
      node.label, [node.type, node.country].filter(Boolean).join(" \u00b7 "),
      node.mentions + " mentions \u00b7 " + node.degree + (node.degree === 1 ? " relation" : " relations"),
    ]);
  }

  function edgeColour(edge, opacity) {
    return { color: edge.color, highlight: edge.color, hover: edge.color, opacity: opacity };
  }

  function edgeLabel(edge) {
    return edge.negated ? "not " + edge.relation : edge.relation;
  }

  // Subject, verb, object: "Antony Blinken meets South Korea", whichever actor the panel is about.
  function edgeSentence(edge) {
    return edge.from_label + " " + (edge.negated ? "does not " + words(edge.relation).replace(/s$/, "")
      : words(edge.relation)) + " " + edge.to_label;
  }

  // Lean items: vis-network parses every option of every edge, so defaults are left out, widths are
  // given rather than scaled, and tooltips are added on hover. In a big graph only the selected
  // actor's edges carry arrows (drawing 15,000 arrowheads makes every redraw slow).
  const bigGraph = data.edges.length > ARROWS_UP_TO;

  function edgeWidth(count) {
    return Math.min(1 + Math.log2(count), 6);
  }

  // In a big graph the page strokes the straight edges itself, a few paths in all (drawEdgeBatches):
  // vis-network keeps them for clicks and hover, and draws only the selected actor's edges and any
  // selected or hovered edge (skipBatchedEdges).
  const batched = new Set(bigGraph ? data.edges.filter((edge) => !edge.smooth).map((edge) => edge.id) : []);
  let touchingEdges = new Set();

  function edgeItem(edge) {
    const item = { id: edge.id, from: edge.from, to: edge.to, relation: edge.relation,
      color: edgeColour(edge, 1), width: edgeWidth(edge.count) };
    item.arrows = { to: { enabled: !edge.symmetric && !bigGraph, scaleFactor: 0.8 } };
    if (edge.dashes) item.dashes = edge.dashes;
    if (edge.smooth) item.smooth = edge.smooth;
    return item;
  }

  function edgeTitle(edge) {
    return tooltip([
      edgeSentence(edge),
      edge.count + (edge.count === 1 ? " statement" : " statements"),
      edge.negated ? "negated" : edge.asserted ? "" : "not asserted (hypothetical, planned or reported)",
    ]);
  }

  // ---- what the filters let through ----
  // An edge is shown when its relation and both actors' types are on and at least one of its
  // statements passes the statement filters (modality, negation, period).
  function statements(edge) {
    loadEvidence();
    if (edge.evidence.length) return edge.evidence;
    return [{ modality: edge.asserted ? "asserted" : null, negated: edge.negated, date: edge.first_date }];
  }

  function wholePeriod() {
    return period.from === 0 && period.to === Math.max(dates.length - 1, 0);
  }

  function inPeriod(date) {
    if (wholePeriod()) return true;
    return Boolean(date) && date >= dates[period.from] && date <= dates[period.to];
  }

  function statementShown(item) {
    return (!item.modality || modalityOn.get(item.modality) !== false)
      && (showNegated || !item.negated) && inPeriod(item.date);
  }

  // With every modality on over the whole period, a statement shows unless it is negated, and an edge is
  // negated when all its statements are: no need to read the statements.
  function statementsShown(edge) {
    if (wholePeriod() && Array.from(modalityOn.values()).every(Boolean)) return showNegated || !edge.negated;
    return statements(edge).some(statementShown);
  }

  function edgeShown(edge) {
    return relationOn.get(edge.relation) && typeOn.get(nodeById.get(edge.from).type)
      && typeOn.get(nodeById.get(edge.to).type) && statementsShown(edge);
  }

  // The actors within `depth` shown relations of `start`, either direction.
  function neighbourhood(start, depth, passing) {
    const adjacent = new Map();
    passing.forEach((edge) => {
      if (!adjacent.has(edge.from)) adjacent.set(edge.from, []);
      if (!adjacent.has(edge.to)) adjacent.set(edge.to, []);
      adjacent.get(edge.from).push(edge.to);
      adjacent.get(edge.to).push(edge.from);
    });
    const reached = new Set([start]);
    let frontier = [start];
    for (let step = 0; step < depth; step += 1) {
      const next = [];
      frontier.forEach((id) => (adjacent.get(id) || []).forEach((other) => {
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      }));
      frontier = next;
    }
    return reached;
  }

  // An actor is shown when one of its relations is, or (with "show actors with no relation", over the
  // whole period and without a focus) when its type is on. A focus keeps only its neighbourhood.
  function computeShown() {
    let passing = data.edges.filter(edgeShown);
    let near = null;
    if (focus !== null) {
      near = neighbourhood(focus.node, focus.depth, passing);
      passing = passing.filter((edge) => near.has(edge.from) && near.has(edge.to));
    }
    shownEdges = new Set(passing.map((edge) => edge.id));
    const related = new Set();
    passing.forEach((edge) => related.add(edge.from).add(edge.to));
    const everyActor = showUnrelated && wholePeriod() && focus === null;
    shownNodes = new Set(data.nodes.filter((node) => typeOn.get(node.type)
      && (related.has(node.id) || everyActor || (focus !== null && node.id === focus.node)))
      .map((node) => node.id));
  }
  computeShown();

  const nodes = new vis.DataSet(data.nodes.map(nodeItem));
  const edges = new vis.DataSet(data.edges.map(edgeItem));
  const visibleNodes = new vis.DataView(nodes, { filter: (item) => shownNodes.has(item.id) });
  const visibleEdges = new vis.DataView(edges, { filter: (item) => shownEdges.has(item.id) });

  const options = data.options;
  const network = new vis.Network(document.getElementById("graph"), {}, options);

  // ---- neighbourhood highlight ----
  let highlighted = null;  // actors kept bright around the selected one, or null

  function highlight(nodeId) {
    const wasDimmed = focusedNode !== null;
    focusedNode = nodeId;
    if (nodeId === null && !wasDimmed) {
      highlighted = null;
      return;
    }
    const keep = new Set(nodeId === null ? nodes.getIds() : network.getConnectedNodes(nodeId).concat([nodeId]));
    const touching = new Set(nodeId === null ? edges.getIds() : network.getConnectedEdges(nodeId));
    highlighted = nodeId === null ? null : keep;
    touchingEdges = nodeId === null ? new Set() : touching;
    nodes.update(nodes.getIds().map((id) => ({ id: id, opacity: keep.has(id) ? 1 : DIMMED })));
    edges.update(data.edges.map((edge) => {
      const update = { id: edge.id, color: edgeColour(edge, touching.has(edge.id) ? 1 : DIMMED) };
      if (bigGraph && !edge.symmetric) {
        update.arrows = { to: { enabled: touching.has(edge.id) && nodeId !== null, scaleFactor: 0.8 } };
      }
      return update;
    }));
  }

  // ---- details panel ----
  const details = document.getElementById("details");

  function showHint() {
    delete details.dataset.kind;
    delete details.dataset.id;
    clear(details).appendChild(el("p", "Click an actor or a relation to see its details and evidence.", "hint"));
  }

  function wikidataLink(id) {
    return /^Q[0-9]+$/.test(id || "") ? link("https://www.wikidata.org/wiki/" + id, id) : id;
  }

  function roleText(role) {
    const span = [role.start, role.end || "present"].filter(Boolean).join(" \u2013 ");
    return [role.title, role.country, span].filter(Boolean).join(", ");
  }

  function edgeButton(edge) {
    const button = el("button", edgeSentence(edge) + " (" + edge.count + ")");
    button.type = "button";
    button.addEventListener("click", () => selectEdge(edge.id));
    return button;
  }

  function showNode(nodeId) {
    const node = nodeById.get(nodeId);
    if (!node) return;
    loadEvidence();
    clear(details);
    details.dataset.kind = "node";
    details.dataset.id = nodeId;
    details.appendChild(el("h2", node.label));
    details.appendChild(focusButtons(nodeId));
    details.appendChild(facts([
      ["Type", node.type], ["Country", node.country], ["Affiliation", node.affiliation],
      ["Wikidata", wikidataLink(node.wikidata)], ["Mentions", node.mentions],
    ]));
    listSection("Aliases", node.aliases.map((alias) => el("li", alias)));
    listSection("Roles", node.roles.map((role) => el("li", roleText(role))));
    const incident = data.edges.filter((edge) => (edge.from === nodeId || edge.to === nodeId) && shownEdges.has(edge.id));
    listSection("Relations", incident.map((edge) => {
      const item = el("li");
      item.appendChild(edgeButton(edge));
      return item;
    }), "plain link-list");
    const statementCount = incident.reduce((total, edge) => total + edge.evidence.length, 0);
    if (!statementCount) return;
    details.appendChild(el("h3", "Evidence (" + statementCount + (statementCount === 1 ? " sentence)" : " sentences)")));
    const groups = el("ul", null, "plain link-list node-evidence");
    incident.filter((edge) => edge.evidence.length).forEach((edge) => {
      const group = el("li");
      group.appendChild(edgeButton(edge));
      const list = el("ol", null, "evidence");
      edge.evidence.forEach((item) => list.appendChild(evidenceItem(item)));
      group.appendChild(list);
      groups.appendChild(group);
    });
    details.appendChild(groups);
  }

  function focusButtons(nodeId) {
    const box = el("div", null, "focus-buttons");
    [[1, "Show neighbours only"], [2, "Neighbours within 2 steps"]].forEach(([depth, text]) => {
      const button = el("button", text);
      button.type = "button";
      button.dataset.depth = String(depth);
      button.addEventListener("click", () => focusOn(nodeId, depth));
      box.appendChild(button);
    });
    return box;
  }

  function listSection(heading, items, className) {
    if (!items.length) return;
    details.appendChild(el("h3", heading));
    const list = el("ul", null, className || "plain");
    items.forEach((item) => list.appendChild(item));
    details.appendChild(list);
  }

  function edgeStatus(edge) {
    if (edge.negated) return el("span", "negated: every statement denies it", "badge negated");
    if (!edge.asserted) return el("span", "not asserted: hypothetical, planned or reported only", "badge unasserted");
    return el("span", "asserted", "badge");
  }

  function showEdge(edgeId) {
    const edge = edgeById.get(edgeId);
    if (!edge) return;
    loadEvidence();
    clear(details);
    details.dataset.kind = "edge";
    details.dataset.id = edgeId;
    details.appendChild(el("h2", edgeSentence(edge)));
    details.appendChild(edgeStatus(edge));
    const dates = [edge.first_date, edge.last_date].filter(Boolean);
    details.appendChild(facts([
      ["Statements", edge.count], ["Articles", edge.articles], ["Sources", edge.sources],
      ["Dates", dates.length ? Array.from(new Set(dates)).join(" \u2013 ") : null],
      ["Family", words(edge.quad_class)], ["CAMEO", edge.cameo], ["PLOVER", edge.plover],
      ["Goldstein", edge.goldstein], ["Confidence", edge.confidence],
    ]));
    details.appendChild(el("h3", "Evidence"));
    const list = el("ol", null, "evidence");
    edge.evidence.forEach((item) => list.appendChild(evidenceItem(item)));
    details.appendChild(list);
  }

  // The sentence with its two actors and its trigger marked; every piece goes in as text.
  function markedSentence(item) {
    const sentence = String(item.sentence || "");
    const lower = sentence.toLowerCase();
    const spans = [];
    [[item.source_text, "actor"], [item.target_text, "actor"], [item.trigger, "trigger"]].forEach(([text, kind]) => {
      if (!text) return;
      let at = lower.indexOf(String(text).toLowerCase());
      while (at >= 0 && spans.some((span) => at < span.end && at + text.length > span.start)) {
        at = lower.indexOf(String(text).toLowerCase(), at + 1);
      }
      if (at >= 0) spans.push({ start: at, end: at + String(text).length, kind: kind });
    });
    spans.sort((a, b) => a.start - b.start);
    const quote = el("blockquote", null, "sentence");
    let at = 0;
    spans.forEach((span) => {
      quote.appendChild(document.createTextNode(sentence.slice(at, span.start)));
      quote.appendChild(el("mark", sentence.slice(span.start, span.end), span.kind));
      at = span.end;
    });
    quote.appendChild(document.createTextNode(sentence.slice(at)));
    return quote;
  }

  function evidenceItem(item) {
    const li = el("li");
    li.appendChild(markedSentence(item));
    const meta = el("div", null, "meta");
    meta.appendChild(link(item.url, item.title || item.url || item.doc_id || "untitled article"));
    const parts = [item.date, item.modality, item.negated ? "negated" : null,
      item.attributed_to ? "according to " + item.attributed_to : null,
      item.location ? "in " + item.location : null, item.quantity,
      typeof item.confidence === "number" ? "confidence " + item.confidence : null];
    meta.appendChild(document.createTextNode(parts.filter(Boolean).map((part) => " \u00b7 " + part).join("")));
    li.appendChild(meta);
    return li;
  }

  function selectNode(nodeId) {
    network.selectNodes([nodeId]);
    highlight(nodeId);
    showNode(nodeId);
  }

  // vis-network redraws on hover by itself; the labels follow hoveredNode then.
  network.on("hoverNode", (params) => {
    hoveredNode = params.node;
    if (nodes.get(params.node).title === undefined) nodes.update({ id: params.node, title: nodeTitle(nodeById.get(params.node)) });
  });
  network.on("hoverEdge", (params) => {
    if (edges.get(params.edge).title === undefined) edges.update({ id: params.edge, title: edgeTitle(edgeById.get(params.edge)) });
  });
  network.on("blurNode", () => {
    hoveredNode = null;
  });

  function selectEdge(edgeId) {
    const item = edges.get(edgeId);
    if (item && visibleEdges.get(edgeId)) network.selectEdges([edgeId]);
    showEdge(edgeId);
  }

  network.on("click", (params) => {
    if (params.nodes.length) selectNode(params.nodes[0]);
    else if (params.edges.length) {
      if (focusedNode !== null) highlight(null);
      selectEdge(params.edges[0]);
    } else {
      if (focusedNode !== null) highlight(null);
      showHint();
    }
  });

  // ---- search ----
  const search = document.getElementById("search");
  const searchStatus = document.getElementById("search-status");
  const actorList = document.getElementById("actor-list");
  data.nodes.forEach((node) => {
    const option = document.createElement("option");
    option.value = node.label;
    actorList.appendChild(option);
  });

  function findActor(query) {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const match = data.nodes.find((node) => node.label.toLowerCase() === q)
      || data.nodes.find((node) => node.aliases.some((alias) => alias.toLowerCase() === q))
      || data.nodes.find((node) => node.label.toLowerCase().includes(q));
    return match ? match.id : null;
  }

  function selectActor(query) {
    const nodeId = findActor(query);
    searchStatus.textContent = nodeId ? "" : "No actor matches \u201c" + query.trim() + "\u201d";
    if (!nodeId) return null;
    if (!shownNodes.has(nodeId)) {
      const node = nodeById.get(nodeId);
      searchStatus.textContent = node.degree === 0 && !showUnrelated && focus === null
        ? node.label + " is in no relation: tick \u201cShow actors with no relation\u201d to see it"
        : node.label + " is hidden by the filters";
      showNode(nodeId);
      return null;
    }
    selectNode(nodeId);
    network.focus(nodeId, { scale: 1.2, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    return nodeId;
  }

  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    selectActor(search.value);
  });
  const labels = new Set(data.nodes.map((node) => node.label));
  search.addEventListener("input", () => {
    if (labels.has(search.value)) selectActor(search.value);  // picked from the datalist
  });

  // ---- filters ----
  // After every change of filter or focus: redraw what passes, fit it in the view, and drop from the
  // details panel an actor or relation that no longer shows.
  function refreshFilters(fit) {
    computeShown();
    visibleNodes.refresh();
    visibleEdges.refresh();
    if (focusedNode !== null) highlight(shownNodes.has(focusedNode) ? focusedNode : null);
    const kind = details.dataset.kind, id = details.dataset.id;
    if ((kind === "node" && !shownNodes.has(id)) || (kind === "edge" && !shownEdges.has(id))) {
      network.unselectAll();
      showHint();
    } else if (kind === "node") {
      showNode(id);
    }
    summarise();
    showFocus();
    if (fit !== false) fitView();
  }

  // Fit what is shown, with a margin for the labels under the outermost actors.
  function fitView() {
    network.fit({ animation: false, maxZoomLevel: 1.5 });
    network.moveTo({ scale: network.getScale() * FIT_MARGIN });
  }

  // ---- focus: one actor's neighbourhood only ----
  const focusBar = document.getElementById("focus-bar");

  function focusOn(nodeId, depth) {
    focus = nodeId === null ? null : { node: nodeId, depth: depth };
    refreshFilters();
    if (focus !== null && shownNodes.has(nodeId)) {
      network.selectNodes([nodeId]);
      highlight(nodeId);
    }
  }

  function showFocus() {
    focusBar.hidden = focus === null;
    if (focus !== null) {
      document.getElementById("focus-text").textContent = "Neighbourhood of " + nodeById.get(focus.node).label
        + (focus.depth === 1 ? " (1 step)" : " (" + focus.depth + " steps)");
    }
  }
  document.getElementById("unfocus").addEventListener("click", () => focusOn(null));

  function checkboxFilter(fieldset, items, state) {
    items.forEach(([name, text, count]) => {
      const label = el("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = name;
      box.addEventListener("change", () => {
        state.set(name, box.checked);
        refreshFilters();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(text + " "));
      if (count !== undefined) label.appendChild(el("span", "(" + count + ")", "count"));
      fieldset.appendChild(label);
    });
  }

  const relationFilter = document.getElementById("relation-filter");
  checkboxFilter(relationFilter, data.relations.map((relation) => [relation.name, relation.name, relation.edges]),
    relationOn);
  checkboxFilter(document.getElementById("type-filter"),
    data.types.map((type) => [type.name, type.name, type.actors]), typeOn);
  checkboxFilter(document.getElementById("modality-filter"),
    data.modalities.map((name) => [name, name, data.statement_counts[name]]), modalityOn);

  function setAllRelations(on) {
    relationFilter.querySelectorAll("input").forEach((box) => {
      box.checked = on;
      relationOn.set(box.value, on);
    });
    refreshFilters();
  }
  document.getElementById("relations-all").addEventListener("click", () => setAllRelations(true));
  document.getElementById("relations-none").addEventListener("click", () => setAllRelations(false));
  document.getElementById("show-negated").addEventListener("change", (event) => {
    showNegated = event.target.checked;
    refreshFilters();
  });
  const unrelatedBox = document.getElementById("show-unrelated");
  document.getElementById("unrelated-label").textContent = "Show " + unrelatedCount
    + (unrelatedCount === 1 ? " actor" : " actors") + " with no relation";
  unrelatedBox.disabled = unrelatedCount === 0;
  unrelatedBox.addEventListener("change", () => {
    showUnrelated = unrelatedBox.checked;
    refreshFilters();
  });

  // ---- period: two sliders over the distinct statement dates ----
  const dateFrom = document.getElementById("date-from");
  const dateTo = document.getElementById("date-to");
  const periodLabel = document.getElementById("period-label");

  function showPeriod() {
    if (!dates.length) {
      periodLabel.textContent = "No dated statements";
      return;
    }
    const span = dates[period.from] === dates[period.to] ? dates[period.from]
      : dates[period.from] + " \u2013 " + dates[period.to];
    periodLabel.textContent = span + (wholePeriod() ? " (all)" : "");
  }

  function setPeriod(from, to, fit) {
    period.from = Math.max(0, Math.min(from, dates.length - 1));
    period.to = Math.max(period.from, Math.min(to, dates.length - 1));
    dateFrom.value = String(period.from);
    dateTo.value = String(period.to);
    showPeriod();
    refreshFilters(fit);
  }

  // ---- play: one month after another, the view held still so changes show ----
  const PLAY_STEP_MS = 1500;
  const months = Array.from(new Set(dates.map((date) => date.slice(0, 7))));
  const playButton = document.getElementById("play");
  let playing = null;

  function showMonth(index) {
    const month = months[index];
    const first = dates.findIndex((date) => date.startsWith(month));
    let last = first;
    while (last + 1 < dates.length && dates[last + 1].startsWith(month)) last += 1;
    setPeriod(first, last, false);
  }

  function stopPlay() {
    if (playing === null) return;
    clearInterval(playing.timer);
    playing = null;
    playButton.textContent = "\u25b6 Play months";
  }

  function play() {
    if (playing !== null) {
      stopPlay();
      return;
    }
    playing = { month: 0, timer: null };
    playButton.textContent = "\u275a\u275a Pause";
    setPeriod(0, dates.length - 1);
    showMonth(0);
    playing.timer = setInterval(() => {
      playing.month += 1;
      showMonth(playing.month);
      if (playing.month + 1 >= months.length) stopPlay();
    }, PLAY_STEP_MS);
  }
  playButton.disabled = months.length < 2;
  playButton.addEventListener("click", play);

  [dateFrom, dateTo].forEach((slider) => {
    slider.max = String(Math.max(dates.length - 1, 0));
    slider.disabled = dates.length < 2;
  });
  dateTo.value = String(period.to);
  dateFrom.addEventListener("input", () => {
    stopPlay();
    const from = Number(dateFrom.value);
    setPeriod(from, Math.max(from, period.to));
  });
  dateTo.addEventListener("input", () => {
    stopPlay();
    const to = Number(dateTo.value);
    setPeriod(Math.min(period.from, to), to);
  });
  showPeriod();

  function visibleCounts() {
    return { nodes: visibleNodes.length, edges: visibleEdges.length };
  }

  function summarise() {
    const negated = data.edges.filter((edge) => edge.negated).length;
    const counts = visibleCounts();
    document.getElementById("summary").textContent = counts.nodes + " of " + data.nodes.length + " actors \u00b7 "
      + counts.edges + " of " + data.edges.length + " relations shown"
      + (negated ? " \u00b7 " + negated + " negated" : "");
  }

  if (data.left_out > 0) {
    document.getElementById("left-out").textContent = "Showing the " + data.nodes.length
      + " actors with most relations; " + data.left_out + (data.left_out === 1 ? " actor" : " actors")
      + " left out (graphkit view --max-nodes)";
  }

  // ---- save the drawing as PNG, on white (the canvas itself is transparent) ----
  function savePng() {
    const source = document.querySelector("#graph canvas");
    const canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height;
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(source, 0, 0);
    canvas.toBlob((blob) => {
      const anchor = document.createElement("a");
      anchor.href = URL.createObjectURL(blob);
      anchor.download = (document.title || "graph").replace(/[^A-Za-z0-9._-]+/g, "-") + ".png";
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(anchor.href), 10000);
    }, "image/png");
  }
  document.getElementById("save-png").addEventListener("click", savePng);

  // ---- legend ----
  function shapeIcon(shape, colour) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "-8 -8 16 16");
    const points = {
      diamond: "0,-7 7,0 0,7 -7,0", square: "-6,-6 6,-6 6,6 -6,6", triangle: "0,-7 7,6 -7,6",
      star: "0,-7 2,-2 7,-2 3,1 5,7 0,3 -5,7 -3,1 -7,-2 -2,-2", hexagon: "-7,0 -3.5,-6 3.5,-6 7,0 3.5,6 -3.5,6",
    }[shape];
    const mark = document.createElementNS(SVG, points ? "polygon" : "circle");
    if (points) mark.setAttribute("points", points);
    else mark.setAttribute("r", "6");
    mark.setAttribute("fill", colour);
    svg.appendChild(mark);
    return svg;
  }

  function lineIcon(colour, dashes) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "30");
    svg.setAttribute("height", "10");
    const line = document.createElementNS(SVG, "line");
    [["x1", "1"], ["y1", "5"], ["x2", "29"], ["y2", "5"], ["stroke", colour], ["stroke-width", "2.5"]]
      .forEach(([name, value]) => line.setAttribute(name, value));
    if (dashes) line.setAttribute("stroke-dasharray", dashes.join(" "));
    svg.appendChild(line);
    return svg;
  }

  function legendItem(icon, text) {
    const li = el("li");
    li.appendChild(icon);
    li.appendChild(el("span", text));
    return li;
  }

  function drawLegend() {
    const legend = data.legend;
    const box = document.getElementById("legend-body");
    box.appendChild(el("h2", "Actors (size: " + data.size_by + ")"));
    const types = el("ul", null, "types");
    legend.types.forEach((type) => types.appendChild(legendItem(shapeIcon(type.shape, type.color), type.type)));
    box.appendChild(types);
    box.appendChild(el("h2", "Relations (arrow: direction)"));
    const families = el("ul");
    legend.quad_classes.forEach((family) => {
      families.appendChild(legendItem(lineIcon(family.color), words(family.quad_class)));
    });
    if (legend.unasserted_dashes) {
      families.appendChild(legendItem(lineIcon("#777777", legend.unasserted_dashes),
        "dashed: hypothetical, planned or reported only"));
    }
    if (legend.negated_color) {
      families.appendChild(legendItem(lineIcon(legend.negated_color, legend.negated_dashes),
        "dotted black: negated (hidden unless shown)"));
    }
    box.appendChild(families);
  }

  // ---- reset: every filter, the focus, the selection and the view back to how the page opened ----
  function reset() {
    stopPlay();
    document.querySelectorAll("#relation-filter input, #type-filter input, #modality-filter input").forEach((box) => {
      box.checked = true;
    });
    relationOn.forEach((_on, name) => relationOn.set(name, true));
    typeOn.forEach((_on, name) => typeOn.set(name, true));
    modalityOn.forEach((_on, name) => modalityOn.set(name, true));
    showNegated = false;
    document.getElementById("show-negated").checked = false;
    showUnrelated = false;
    unrelatedBox.checked = false;
    focus = null;
    search.value = "";
    searchStatus.textContent = "";
    period.from = 0;
    period.to = Math.max(dates.length - 1, 0);
    dateFrom.value = "0";
    dateTo.value = String(period.to);
    showPeriod();
    network.unselectAll();
    highlight(null);
    showHint();
    refreshFilters();
  }
  document.getElementById("reset").addEventListener("click", reset);
  document.getElementById("fit").addEventListener("click", fitView);

  // ---- labels: drawn on the canvas at a fixed screen size, best-connected actors first, none overlapping ----
  // The selected, hovered and focused actors and the selected actor's neighbours come first; then the
  // others by rank while they fit. Zooming in makes room, so more labels appear.
  const CELL = 48;
  let labelled = [];  // actors labelled in the last drawing

  function labelOrder() {
    const first = [hoveredNode, focusedNode, focus && focus.node].filter((id) => id !== null && shownNodes.has(id));
    const near = highlighted ? byRank.filter((node) => highlighted.has(node.id) && shownNodes.has(node.id))
      .map((node) => node.id) : [];
    return { first: first, near: near, seen: new Set(first.concat(near)) };
  }

  function drawLabels(context) {
    const scale = network.getScale();
    const container = document.getElementById("graph");
    const width = container.clientWidth, height = container.clientHeight;
    const topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
    const bottomRight = network.DOMtoCanvas({ x: width, y: height });
    const occupied = new Map();
    const taken = (box) => {
      for (let cx = Math.floor(box.left / CELL); cx <= Math.floor(box.right / CELL); cx += 1) {
        for (let cy = Math.floor(box.top / CELL); cy <= Math.floor(box.bottom / CELL); cy += 1) {
          const boxes = occupied.get(cx + "," + cy);
          if (boxes && boxes.some((other) => box.left < other.right && box.right > other.left
            && box.top < other.bottom && box.bottom > other.top)) return true;
        }
      }
      return false;
    };
    const take = (box) => {
      for (let cx = Math.floor(box.left / CELL); cx <= Math.floor(box.right / CELL); cx += 1) {
        for (let cy = Math.floor(box.top / CELL); cy <= Math.floor(box.bottom / CELL); cy += 1) {
          const key = cx + "," + cy;
          if (!occupied.has(key)) occupied.set(key, []);
          occupied.get(key).push(box);
        }
      }
    };
    context.save();
    context.font = (LABEL_FONT / scale) + "px system-ui, 'DejaVu Sans', Arial, sans-serif";
    context.textAlign = "center";
    context.textBaseline = "top";
    context.lineJoin = "round";
    context.lineWidth = 3 / scale;
    context.strokeStyle = "#ffffff";
    const order = labelOrder();
    let drawn = 0;
    labelled = [];
    const place = (node, forced) => {
      const item = network.body.nodes[node.id];
      if (!item) return;
      const x = item.x, y = item.y + item.shape.height / 2 + 2 / scale;
      if (x < topLeft.x || x > bottomRight.x || y < topLeft.y || y > bottomRight.y + 20 / scale) return;
      const screenX = (x - topLeft.x) * scale, screenY = (y - topLeft.y) * scale;
      const textWidth = context.measureText(node.label).width * scale;
      const box = { left: screenX - textWidth / 2 - 2, right: screenX + textWidth / 2 + 2, top: screenY,
        bottom: screenY + LABEL_FONT + 2 };
      if (!forced && taken(box)) return;
      take(box);
      const dim = highlighted !== null && !highlighted.has(node.id);
      context.fillStyle = dim ? DIMMED_TEXT : TEXT;
      context.strokeText(node.label, x, y);
      context.fillText(node.label, x, y);
      labelled.push(node.id);
      drawn += 1;
    };
    order.first.forEach((id) => place(nodeById.get(id), true));
    order.near.forEach((id) => { if (!order.first.includes(id)) place(nodeById.get(id), false); });
    for (let i = 0; i < byRank.length && i < LABEL_CANDIDATES && drawn < LABEL_LIMIT; i += 1) {
      const node = byRank[i];
      if (!order.seen.has(node.id) && shownNodes.has(node.id)) place(node, false);
    }
    drawEdgeLabels(context, scale, topLeft, taken, take);
    context.restore();
  }

  // Relation names on the edges of the selected or hovered actor, on the selected edge, or on every
  // edge of a small view.
  function drawEdgeLabels(context, scale, topLeft, taken, take) {
    const around = [focusedNode, hoveredNode].filter((id) => id !== null);
    const selected = new Set(network.getSelectedEdges());
    const every = shownEdges.size <= EDGE_LABELS_UP_TO;
    if (!every && !around.length && !selected.size) return;
    context.font = (11 / scale) + "px system-ui, 'DejaVu Sans', Arial, sans-serif";
    context.textBaseline = "middle";
    data.edges.forEach((edge) => {
      if (!shownEdges.has(edge.id)) return;
      if (!every && !selected.has(edge.id) && !around.includes(edge.from) && !around.includes(edge.to)) return;
      const item = network.body.edges[edge.id];
      if (!item || !item.from || !item.to) return;
      const middle = item.edgeType.getPoint(0.5);
      const dim = focusedNode !== null && edge.from !== focusedNode && edge.to !== focusedNode && !selected.has(edge.id);
      const text = edgeLabel(edge);
      const screenX = (middle.x - topLeft.x) * scale, screenY = (middle.y - topLeft.y) * scale;
      const half = context.measureText(text).width * scale / 2 + 1;
      const box = { left: screenX - half, right: screenX + half, top: screenY - 6, bottom: screenY + 6 };
      if (!selected.has(edge.id) && taken(box)) return;
      take(box);
      context.fillStyle = dim ? DIMMED_TEXT : EDGE_TEXT;
      context.strokeText(text, middle.x, middle.y);
      context.fillText(text, middle.x, middle.y);
    });
  }
  network.on("afterDrawing", drawLabels);

  function drawEdgeBatches(context) {
    if (!batched.size || !network.renderer || typeof network.renderer._drawEdges !== "function") return;
    const scale = network.getScale();
    const at = network.body.nodes;
    const groups = new Map();
    data.edges.forEach((edge) => {
      if (!batched.has(edge.id) || !shownEdges.has(edge.id) || touchingEdges.has(edge.id)) return;
      const key = edge.color + "|" + (edge.dashes ? edge.dashes.join(",") : "") + "|" + edgeWidth(edge.count);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(edge);
    });
    context.save();
    context.globalAlpha = highlighted ? DIMMED : 1;
    Array.from(groups.keys()).sort().forEach((key) => {
      const [colour, dashes, width] = key.split("|");
      context.strokeStyle = colour;
      context.lineWidth = Math.max(Number(width), 0.5 / scale);
      context.setLineDash(dashes ? dashes.split(",").map(Number) : []);
      context.beginPath();
      groups.get(key).forEach((edge) => {
        const from = at[edge.from], to = at[edge.to];
        if (!from || !to) return;
        context.moveTo(from.x, from.y);
        context.lineTo(to.x, to.y);
      });
      context.stroke();
    });
    context.restore();
  }
  network.on("beforeDrawing", drawEdgeBatches);

  // vis-network 9.1.2 (the copy pyvis 0.3.2 ships) draws edges in renderer._drawEdges; without it,
  // vis draws every edge as well, which is slower but correct.
  function skipBatchedEdges() {
    const renderer = network.renderer;
    if (!batched.size || !renderer || typeof renderer._drawEdges !== "function") return;
    renderer._drawEdges = function (context) {
      const all = this.body.edges;
      this.body.edgeIndices.forEach((id) => {
        const edge = all[id];
        if (edge.connected && (!batched.has(id) || touchingEdges.has(id) || edge.selected || edge.hover)) {
          edge.draw(context);
        }
      });
    };
  }
  skipBatchedEdges();

  // ---- PNG export by graphkit view --format png: the graph alone, filling the page ----
  function exportView() {
    document.body.classList.add("export");
    return new Promise((resolve) => {
      requestAnimationFrame(() => {
        network.setSize("100%", "100%");
        network.redraw();
        fitView();
        network.once("afterDrawing", () => resolve(true));
        network.redraw();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (!evidenceWanted) return;
    loadEvidence();
    refreshFilters(false);
    if (details.dataset.kind === "edge") showEdge(details.dataset.id);
  });

  // ---- start: positions come with the data, so the first drawing is the final one ----
  const status = document.getElementById("status");

  function markReady() {
    status.textContent = "";
    document.body.dataset.ready = "true";
  }

  drawLegend();
  summarise();
  showFocus();
  network.setData({ nodes: visibleNodes, edges: visibleEdges });
  fitView();
  network.once("afterDrawing", markReady);
  network.redraw();
  if (data.nodes.length === 0) markReady();

  window.graphkit = {
    network: network, nodes: nodes, edges: edges, visibleNodes: visibleNodes, visibleEdges: visibleEdges, data: data,
    visibleCounts: visibleCounts, setPeriod: setPeriod, savePng: savePng, reset: reset, focusOn: focusOn,
    exportView: exportView, play: play, months: months, labelled: () => labelled.slice(), batched: batched,
    selectActor: selectActor, selectNode: selectNode, selectEdge: selectEdge, showEdge: showEdge, showNode: showNode,
  };
})();
